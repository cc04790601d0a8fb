namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// A server of its own on the bundled corpus, for tests that add a second project: a project owning "wire" takes
/// the wire documents out of "default", which the shared server's tests count on.
/// </summary>
public sealed class TwoProjectServer : AnnotateServer;

[CollectionDefinition(Name)]
public sealed class TwoProjectCollection : ICollectionFixture<TwoProjectServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Two projects";
}
