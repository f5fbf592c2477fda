
namespace TaskChat.Web.Shared;

public static class PagesExtensions
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        // Pages live in their feature folders (Identity/, Tasks/, Chat/) rather than under Pages/.
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/";
            options.Conventions.AuthorizeFolder("/Tasks");
            options.Conventions.AuthorizeFolder("/Chat");
        });
        return builder;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
