using System.Text.Json;
using Annotate.Codebook;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Corpus;

internal static class DocumentsApi
{
    /// <summary>The ?collection= value for documents directly in the corpus folder ("" means every collection).</summary>
    public const string RootCollection = ".";

    private const int MaxFilterLength = 200;

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        api.MapGet("/collections", async (SessionUser me, DocumentStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.CollectionsAsync(me.UserId, ct)))
            .WithSummary("Collections (sub-folders of the corpus) of the caller's projects, with their document counts.");

        api.MapGet("/documents", ListAsync)
            .WithSummary("Documents of the caller's projects, filtered by a search term (title, outlet, author, tag), collection, language or tag.");

        api.MapGet("/documents/{id}", GetAsync).RequireDocumentAccess(ProjectRight.Read, "id")
            .WithSummary("One document with its metadata, canonical text, blocks and sanitised HTML (the current version unless ?version=).");

        api.MapGet("/documents/{id}/versions", async Task<Results<Ok<IReadOnlyList<DocumentVersionInfo>>, ProblemHttpResult>> (string id, DocumentStore store, CancellationToken ct) =>
            DocumentIds.IsWellFormed(id) && await store.VersionsAsync(id, ct) is { } versions ? TypedResults.Ok(versions) : NotFound(id))
            .RequireDocumentAccess(ProjectRight.Read, "id")
            .WithSummary("Every stored version of a document's text.");
        return api;
    }

    private static async Task<Results<Ok<DocumentList>, ValidationProblem>> ListAsync(
        string? q, string? collection, string? language, string? tag, SessionUser me, DocumentStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("q", q), ("collection", collection), ("language", language), ("tag", tag) })
        {
            if (value?.Length > MaxFilterLength)
            {
                errors[name] = [$"'{name}' is {value.Length} characters long; the most is {MaxFilterLength}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid document filter");
        }

        // "." names the corpus root (files directly in the corpus folder), which no collection path can be.
        var exact = collection == RootCollection ? "" : collection;
        return TypedResults.Ok(await store.ListAsync(new DocumentQuery(q, exact, language, tag), me.UserId, ct));
    }

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> GetAsync(
        string id, int? version, DocumentStore store, ReaderHtml readerHtml, CodebookStore codebooks, CancellationToken ct)
    {
        if (!DocumentIds.IsWellFormed(id) || await store.GetAsync(id, version, ct) is not var (document, stored))
        {
            return NotFound(id, version);
        }

        var blocks = JsonSerializer.Deserialize<List<Block>>(stored.BlocksJson, JsonSerializerOptions.Web) ?? [];
        var summary = document.ToSummary();
        var codebook = await codebooks.ForCollectionAsync(document.Collection, ct);
        return TypedResults.Ok(new DocumentDetail(
            summary.Id, summary.Collection, summary.Path, summary.Title, summary.Outlet, summary.Author, summary.Date,
            summary.Language, summary.Tags, (int)stored.Version, summary.Version, summary.WordCount, document.Url,
            JsonElement.Parse(document.MetadataJson), stored.ContentHash, stored.Text, blocks,
            readerHtml.For(stored, blocks), codebook is null ? null : new CodebookRef(codebook.Collection, codebook.Version), document.ProjectId));
    }

    private static ProblemHttpResult NotFound(string id, int? version = null) => TypedResults.Problem(
        title: "Document not found",
        detail: version is null ? $"There is no document with id '{id}'." : $"There is no version {version} of a document with id '{id}'.",
        statusCode: StatusCodes.Status404NotFound);
}
