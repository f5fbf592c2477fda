using TaskChat.Web.Tasks.Api;
using TaskChat.Web.Tasks.Live;

namespace TaskChat.Web.Tasks;

public static class TasksExtensions
{
    public static WebApplicationBuilder AddTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskService>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<TaskCalendar>();
        // Registered here too (it is idempotent), so the notifier's hub context exists in hosts without the chat.
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<TaskChangeNotifier>();
        builder.Services.AddHostedService<DeletedTaskSweeper>();
        return builder;
    }

    public static WebApplication MapTasks(this WebApplication app)
    {
        app.MapTasksApi();
        app.MapHub<TasksHub>("/hubs/tasks");
        return app;
    }
}
