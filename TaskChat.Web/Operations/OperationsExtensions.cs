using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TaskChat.Web.Operations;

// Reads: CORS_ORIGINS (a JSON array) or Cors:Origins (a list).
public static class OperationsExtensions
{
    public const string CorsPolicy = "configured-origins";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A body the endpoint cannot read (malformed JSON, a string where a number goes, no
            // body) ends as a bare 400 once ThrowOnBadRequest is off; tell the caller what it was.
            var problem = context.ProblemDetails;
            if (problem.Status == StatusCodes.Status400BadRequest && problem.Detail is null
                && problem is not HttpValidationProblemDetails
                && context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                problem.Detail = "The request body is missing or is not valid JSON of the expected shape.";
            }
        });

        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        // Malformed JSON is the caller's mistake: a 400 ProblemDetails in every environment,
        // not the developer exception page.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));

        var origins = CorsOrigins(builder.Configuration);
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
        return builder;
    }

    /// <summary>The wire contract: snake_case names and snake_case enum values, REST and hub alike.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    /// <summary>The middleware order matters: errors outermost, auth before anything that needs a user.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // People get the error page; API and hub callers ProblemDetails (ApiExceptionHandler).
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        // An error status without a body: the API answers with ProblemDetails, a page request
        // with a page a person can read (StatusCode.cshtml).
        app.UseWhen(IsApiOrHub, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApiOrHub(context), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        // Routing after the status pages, so that a re-executed request is routed to its page
        // (with routing at the start of the pipeline, the re-execution finds no endpoint).
        app.UseRouting();
        app.UseRequestLogging();
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private static bool IsApiOrHub(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")
        || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/openapi");

    internal static string[] CorsOrigins(IConfiguration configuration)
    {
        var json = configuration["CORS_ORIGINS"];
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(json) ?? [];
            }
            catch (JsonException)
            {
                throw new InvalidOperationException(
                    "CORS_ORIGINS must be a JSON array, for example [\"http://localhost:3000\"]. See the README.");
            }
        }

        return configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
    }
}
