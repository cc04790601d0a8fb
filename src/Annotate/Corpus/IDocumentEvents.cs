namespace Annotate.Corpus;

/// <summary>Told when a document gets a new version of its text (the live-collaboration feature tells its readers).</summary>
internal interface IDocumentEvents
{
    Task VersionAddedAsync(string documentId, long version);
}
