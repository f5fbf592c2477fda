namespace TaskChat.Tests.Infrastructure.Clients;

/// <summary>Browser tests share one Chromium and run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
