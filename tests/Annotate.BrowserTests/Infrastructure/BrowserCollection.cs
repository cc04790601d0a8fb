namespace Annotate.BrowserTests.Infrastructure;

/// <summary>One server and one browser for all browser tests; each test gets its own browser context.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AnnotateServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
