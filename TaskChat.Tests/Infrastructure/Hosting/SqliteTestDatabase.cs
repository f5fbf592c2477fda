namespace TaskChat.Tests.Infrastructure.Hosting;

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "taskchat-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, "taskchat.db");
    }

    public string FilePath { get; }

    public override string Provider => "sqlite";

    public override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Database:SqlitePath"] = FilePath };

    public override IReadOnlyDictionary<string, string?> EnvironmentVariables =>
        new Dictionary<string, string?> { ["Database__SqlitePath"] = FilePath };

    public override ValueTask DisposeAsync()
    {
        // The app's pooled connections keep the file open until the pool lets go of them.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process that was killed may still hold the file for a moment; /tmp is cleaned anyway.
        }

        return ValueTask.CompletedTask;
    }
}
