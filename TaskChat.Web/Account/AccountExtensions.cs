namespace TaskChat.Web.Account;

/// <summary>The account page (/account) and its API under /api/v1/me: password, sessions, data, deletion.</summary>
public static class AccountExtensions
{
    public static WebApplicationBuilder AddAccount(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountService>();
        return builder;
    }

    public static WebApplication MapAccount(this WebApplication app)
    {
        app.MapAccountApi();
        return app;
    }
}
