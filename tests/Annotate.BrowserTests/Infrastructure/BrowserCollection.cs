namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// One server and one browser for a group of browser tests, which run one after another; each test gets its own
/// browser context. The browser tests on the bundled corpus are split into two such groups
/// (<see cref="BrowserCollection"/> and <see cref="SecondBrowserCollection"/>), each with a server and a browser of its
/// own, so that the two groups run side by side: most of a browser test's time is spent waiting for a page or a live
/// message, not computing. Within a group the tests still share the server's database (the project mode, say), as
/// before; no test depends on one of the other group.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AnnotateServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>The second group of browser tests on the bundled corpus (see <see cref="BrowserCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<AnnotateServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser (second server)";
}
