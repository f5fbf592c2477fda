using System.ComponentModel.DataAnnotations;

namespace TaskChat.Web.Identity;

/// <summary>The sign-up and sign-in forms' fields.</summary>
public sealed class CredentialsInput
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
