using System.Net;
using System.Text.Json;
using TaskChat.Tests.Infrastructure.Hosting;

namespace TaskChat.Tests.Shared;

/// <summary>
/// Third-party scripts come through libman.json and are committed under wwwroot/lib (the
/// build does not fetch them), so every file libman.json names must be there and be served.
/// </summary>
public sealed class LibManTests(TaskChatApplication app) : IClassFixture<TaskChatApplication>
{
    public static TheoryData<string> NamedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ReadLibMan())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void LibManPinsTheSignalRClientToAnExactVersion()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "libman.json")));
        var library = document.RootElement.GetProperty("libraries").EnumerateArray()
            .Select(l => l.GetProperty("library").GetString()!)
            .Single(name => name.StartsWith("@microsoft/signalr@", StringComparison.Ordinal));

        Assert.Matches(@"^@microsoft/signalr@\d+\.\d+\.\d+$", library);
        Assert.Contains("TaskChat.Web/wwwroot/lib/microsoft-signalr/dist/browser/signalr.min.js", ReadLibMan());
    }

    [Theory]
    [MemberData(nameof(NamedFiles))]
    public void EveryFileLibManNamesIsCommittedUnderWwwrootLib(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);

        Assert.StartsWith("TaskChat.Web/wwwroot/lib/", relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is named in libman.json but missing.");
        Assert.True(new FileInfo(path).Length > 1000, $"{relativePath} is (nearly) empty.");
    }

    [Fact]
    public async Task SignalRClientScriptIsServedAsJavaScript()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/lib/microsoft-signalr/dist/browser/signalr.min.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("HubConnectionBuilder", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each file as destination + file path, relative to the repository root.</summary>
    private static List<string> ReadLibMan()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "libman.json")));
        var root = document.RootElement;
        var defaultDestination = root.TryGetProperty("defaultDestination", out var d) ? d.GetString() : null;
        var files = new List<string>();
        foreach (var library in root.GetProperty("libraries").EnumerateArray())
        {
            var destination = library.TryGetProperty("destination", out var own) ? own.GetString() : defaultDestination;
            Assert.False(string.IsNullOrEmpty(destination), $"{library} has no destination.");
            Assert.True(library.TryGetProperty("files", out var named), $"{library} names no files.");
            files.AddRange(named.EnumerateArray().Select(file => $"{destination!.TrimEnd('/')}/{file.GetString()}"));
        }

        return files;
    }
}
