namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>Trait values a run filters on: <c>--filter "Category!=Browser&amp;Category!=Postgres"</c>.</summary>
public static class Category
{
    public const string Name = "Category";

    /// <summary>Drives Chromium through Playwright.</summary>
    public const string Browser = "Browser";

    /// <summary>Needs a PostgreSQL server whatever <c>TASKCHAT_TEST_DB</c> says.</summary>
    public const string Postgres = "Postgres";
}
