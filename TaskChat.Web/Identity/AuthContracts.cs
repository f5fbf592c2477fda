namespace TaskChat.Web.Identity;

// The auth API's wire records (snake_case on the wire).

public sealed record RegisterRequest(string? Email, string? Password);

public sealed record RegisterResponse(Guid UserId, string Email);

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
