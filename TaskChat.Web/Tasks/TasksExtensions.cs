
namespace TaskChat.Web.Tasks;

public static class TasksExtensions
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskService>();
        return builder;
    }

    public static WebApplication MapTasks(this WebApplication app)
    {
        app.MapTasksApi();
        return app;
    }
}
