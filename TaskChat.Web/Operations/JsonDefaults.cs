using System.Text.Json;

namespace TaskChat.Web.Operations;

public static class JsonDefaults
{
    /// <summary>The wire's JSON settings, for code that serializes outside MVC and SignalR (metadata, Redis).</summary>
    public static readonly JsonSerializerOptions Wire = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        OperationsExtensions.ConfigureJson(options);
        return options;
    }
}
