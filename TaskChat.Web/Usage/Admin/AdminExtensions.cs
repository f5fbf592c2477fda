namespace TaskChat.Web.Usage.Admin;

public static class AdminExtensions
{
    public static WebApplicationBuilder AddAdmins(this WebApplicationBuilder builder)
    {
        // Built now, so a malformed Admin:Emails stops start-up rather than the first admin visit.
        builder.Services.AddSingleton(new Admins(builder.Configuration));
        return builder;
    }
}
