using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using TaskChat.Web.Data;
using TaskChat.Web.Security;

namespace TaskChat.Web.Identity;

// Authentication in one place. Reads:
//   JWT_SECRET | Jwt:Secret (>= 32 chars; generated in Development when absent)
//   Jwt:Issuer, Jwt:Audience, Jwt:LifetimeMinutes
// Pages sign in with the Identity cookie; scripts send "Authorization: Bearer <jwt>";
// SignalR over WebSockets sends ?access_token=, honoured on /hubs/* only.
public static class AuthExtensions
{
    public const string CookieOrJwt = "CookieOrJwt";

    public static WebApplicationBuilder AddIdentityAndAuth(this WebApplicationBuilder builder)
    {
        var jwt = JwtOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(jwt);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddScoped<AccountRegistration>();

        builder.Services
            .AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<TaskChatDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrJwt;
                options.DefaultChallengeScheme = CookieOrJwt;
            })
            .AddPolicyScheme(CookieOrJwt, "Cookie or JWT", options =>
                options.ForwardDefaultSelector = context =>
                    SendsJwt(context.Request) ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(options => ConfigureJwt(options, jwt))
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));

        // The cookie's stamp is checked this often, so "sign out everywhere" reaches other browsers soon.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionValidator.CacheFor);
        builder.Services.AddAuthorization();
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        // Current advice (NIST SP 800-63B): length over character classes.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.User.RequireUniqueEmail = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtOptions jwt)
    {
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = jwt.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (IsHubRequest(context.Request) && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = RefuseEndedSessionsAsync,
        };
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/signin";
        options.Cookie.Name = "taskchat.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the client's request was HTTPS, also behind a TLS proxy: the
        // forwarded-headers step (Security/) makes such a request look like HTTPS here.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromDays(14);
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        var jwt = app.Services.GetRequiredService<JwtOptions>();
        if (jwt.UsesGeneratedKey)
        {
            app.Logger.LogWarning(
                "No JWT_SECRET configured: using a generated development signing key. Tokens stop working when the app restarts.");
        }

        app.MapAuthApi();
        app.MapMeApi();
        return app;
    }

    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The principal has no user id."));

    /// <summary>
    /// A well-signed token still has to name a user that exists, by id, with the security stamp
    /// it was issued under; anything else is a 401, never an exception further in.
    /// </summary>
    private static async Task RefuseEndedSessionsAsync(TokenValidatedContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (context.Principal is null || !await sessions.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The token does not belong to a current session.");
            return;
        }

        if (IsHubRequest(context.Request) && context.Principal.Identity is ClaimsIdentity parsed)
        {
            // A hub connection keeps its principal for as long as it is open, and the handler's
            // identity holds the whole parsed token (its text, header and payload): the claims
            // alone are all the hub reads, at a fraction of the memory per idle connection.
            var identity = new ClaimsIdentity(
                parsed.Claims.Select(claim => new Claim(claim.Type, claim.Value)), parsed.AuthenticationType, parsed.NameClaimType, parsed.RoleClaimType);
            context.Principal = new ClaimsPrincipal(identity);
        }
    }

    private static bool SendsJwt(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (IsHubRequest(request) && request.Query.ContainsKey("access_token"));

    private static bool IsHubRequest(HttpRequest request) => request.Path.StartsWithSegments("/hubs");

    /// <summary>API and hub callers get a status code; only pages are redirected to the sign-in form.</summary>
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || IsHubRequest(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
