namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>Finds the checkout from the test binaries, wherever the repository was cloned.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string WebProject => Path.Combine(Root, "TaskChat.Web");

    /// <summary>The web app's entry assembly, copied next to the tests by the project reference.</summary>
    public static string WebAssembly => Path.Combine(AppContext.BaseDirectory, "TaskChat.Web.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaskChat.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TaskChat.sln above {AppContext.BaseDirectory}.");
    }
}
