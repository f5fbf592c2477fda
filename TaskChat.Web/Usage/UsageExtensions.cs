using TaskChat.Web.Usage.Admin;

namespace TaskChat.Web.Usage;

public static class UsageExtensions
{
    public static WebApplicationBuilder AddUsage(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UsageReader>();
        builder.Services.AddScoped<AdminOverviewReader>();
        builder.Services.AddScoped<IUserTimeZones, UserTimeZones>();
        builder.AddAdmins();

        // Only /usage needs a signed-in user up front; /admin answers 404 itself (see AdminPageModel).
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
            options.Conventions.AuthorizePage("/Usage/Index"));
        return builder;
    }

    public static WebApplication MapUsage(this WebApplication app)
    {
        app.MapUsageApi();
        return app;
    }
}
