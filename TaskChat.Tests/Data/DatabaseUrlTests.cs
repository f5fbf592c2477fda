using Microsoft.Extensions.Configuration;
using Npgsql;
using TaskChat.Web.Data;

namespace TaskChat.Tests.Data;

/// <summary>The <c>DATABASE_URL</c> form (<c>postgresql://user:pass@host/db</c>), turned into an Npgsql connection string.</summary>
public sealed class DatabaseUrlTests
{
    [Fact]
    public void FullUrlGivesEveryPart()
    {
        var parsed = Parse("postgresql://alice:s3cret@db.internal:6543/taskchat");

        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("taskchat", parsed.Database);
        Assert.Equal("alice", parsed.Username);
        Assert.Equal("s3cret", parsed.Password);
    }

    [Fact]
    public void PostgresSchemeAndMissingPortUseTheDefaultPort()
    {
        var parsed = Parse("postgres://bob:pw@localhost/tasks");

        Assert.Equal("localhost", parsed.Host);
        Assert.Equal(5432, parsed.Port);
        Assert.Equal("tasks", parsed.Database);
    }

    [Fact]
    public void EscapedCharactersInUserAndPasswordAreDecoded()
    {
        var parsed = Parse("postgresql://app%40corp:p%40ss%3Aw%2Frd%25@127.0.0.1:5432/my%20db");

        Assert.Equal("app@corp", parsed.Username);
        Assert.Equal("p@ss:w/rd%", parsed.Password);
        Assert.Equal("my db", parsed.Database);
    }

    [Fact]
    public void UrlWithoutPasswordHasNone()
    {
        var parsed = Parse("postgresql://carol@db/taskchat");

        Assert.Equal("carol", parsed.Username);
        Assert.Null(parsed.Password);
    }

    [Theory]
    [InlineData("?sslmode=require", SslMode.Require)]
    [InlineData("?sslmode=verify-full&channel_binding=require", SslMode.VerifyFull)]
    [InlineData("?application_name=x&sslmode=disable", SslMode.Disable)]
    public void SslModeQueryIsHonoured(string query, SslMode expected)
    {
        Assert.Equal(expected, Parse($"postgresql://u:p@neon.example/db{query}").SslMode);
    }

    [Theory]
    [InlineData("mysql://u:p@host/db")]
    [InlineData("Host=localhost;Database=taskchat")]
    [InlineData("not a url")]
    public void AnythingElseStopsWithAMessageThatSaysWhatToSet(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataExtensions.FromDatabaseUrl(url));

        Assert.Contains("DATABASE_URL must look like postgresql://user:password@host:5432/database", error.Message);
    }

    [Fact]
    public void ConnectionStringWinsOverDatabaseUrlAndNeitherMeansSqlite()
    {
        Assert.Null(DataExtensions.PostgresConnectionString(Configuration(new())));

        var fromUrl = DataExtensions.PostgresConnectionString(Configuration(new() { ["DATABASE_URL"] = "postgresql://u:p@url-host/db" }));
        Assert.Equal("url-host", new NpgsqlConnectionStringBuilder(fromUrl).Host);

        var both = DataExtensions.PostgresConnectionString(Configuration(new()
        {
            ["DATABASE_URL"] = "postgresql://u:p@url-host/db",
            ["ConnectionStrings:TaskChat"] = "Host=explicit-host;Database=db",
        }));
        Assert.Equal("explicit-host", new NpgsqlConnectionStringBuilder(both).Host);
    }

    private static NpgsqlConnectionStringBuilder Parse(string url) => new(DataExtensions.FromDatabaseUrl(url));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
