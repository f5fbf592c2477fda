using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.SignalR;
using TaskChat.Web.Chat.Endpoints;
using TaskChat.Web.Operations;
using TaskChat.Web.Tasks.Live;

namespace TaskChat.Web.Security;

// The edge of the app: who may connect, how often, with which headers. Reads:
//   RateLimits:*          (RateLimitOptions) per-user and per-address limits
//   ForwardedHeaders:*    (ProxyOptions) the reverse proxies whose X-Forwarded-* headers count
//   CORS_ORIGINS          origins, besides the app's own, whose pages may open the hub
public static class SecurityExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options => HttpRateLimits.Configure(options, limits));
        ConfigureProxies(builder);

        services.AddMemoryCache();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<UserConnections>();
        services.AddSingleton<HubSessions>();
        services.AddSingleton<HubRateLimits>();
        services.AddHostedService<SessionSweeper>();
        services.AddScoped<CredentialCheck>();
        services.AddSingleton<SignInPacing>();

        var development = builder.Environment.IsDevelopment();
        // Hub-specific options start as a copy of the global ones (HubErrors included) and win over them.
        services.AddSignalR().AddHubOptions<ChatHub>(options =>
        {
            // Exception details and protocol errors in words help while developing; in production
            // they would tell a stranger about the server's insides.
            options.EnableDetailedErrors = development;
            options.AddFilter<HubSessions>();
            options.AddFilter<HubRateLimits>();
        });
        services.AddSignalR().AddHubOptions<TasksHub>(options =>
        {
            options.EnableDetailedErrors = development;
            options.AddFilter<HubSessions>();
        });

        // SecurityHeaders sends DENY on every response; antiforgery's SAMEORIGIN would contradict it.
        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        return builder;
    }

    /// <summary>First in the pipeline: the real client address and scheme, then headers and the hub's origin check.</summary>
    public static WebApplication UseSecurityEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        var origins = HubOriginCheck.Normalize(OperationsExtensions.CorsOrigins(app.Configuration));
        app.UseMiddleware<HubOriginCheck>(origins);
        return app;
    }

    /// <summary>After authentication: the limits are per user.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static void ConfigureProxies(WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var addresses = proxies.ParseProxies();
        var networks = proxies.ParseNetworks();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = proxies.ForwardLimit;
            if (addresses.Count + networks.Count == 0)
            {
                return;
            }

            // Configured proxies replace the default (loopback), so that only they are believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in addresses)
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }
}
