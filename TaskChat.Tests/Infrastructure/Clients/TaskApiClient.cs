using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Infrastructure.Clients;

public static class TaskApiClient
{
    public static async Task<TaskJson> CreateTaskAsync(this HttpClient client, string title, string? description = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/tasks", new { title, description });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Create returned {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<TaskJson>(body, TaskChatApplication.Json)!;
    }

    /// <summary>Creates a task from any body (snake_case names, e.g. <c>new { title, due_date }</c>) and returns it.</summary>
    public static async Task<TaskJson> CreateTaskAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/tasks", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"Create returned {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<TaskJson>(text, TaskChatApplication.Json)!;
    }

    public static async Task<List<TaskJson>> ListTasksAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync("/api/v1/tasks" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"List returned {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<List<TaskJson>>(body, TaskChatApplication.Json)!;
    }

    /// <summary>Reads a ProblemDetails response and checks its media type.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
