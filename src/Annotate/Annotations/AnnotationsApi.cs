using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Annotations;

/// <summary>
/// Span annotations (…/annotations) and document labels (…/labels) of a document: list, idempotent upsert by the
/// client's UUID, and delete (a tombstone).
/// </summary>
internal static class AnnotationsApi
{
    public static RouteGroupBuilder MapAnnotations(this RouteGroupBuilder api)
    {
        MapKind(api, "annotations", Annotation.SpanKind, "span annotation");
        MapKind(api, "labels", Annotation.DocumentKind, "document label");

        api.MapGet("/annotations/review", async (SessionUser me, AnnotationReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ReviewAsync(me, ct)))
            .RequireMembership()
            .WithSummary("Annotations that need review: orphans (their text changed and the quote was not found) and labels the codebook no longer has.");

        api.MapGet("/documents/{documentId}/codebook", async Task<Results<Ok<CodebookInfo>, ProblemHttpResult>> (
            string documentId, HttpContext http, DocumentStore documents, CodebookStore codebooks, ProjectStore projects, CancellationToken ct) =>
            DocumentIds.IsWellFormed(documentId) && await documents.HeadAsync(documentId, ct) is { } document
                && await codebooks.ForCollectionAsync(document.Collection, ct) is { } codebook
                ? TypedResults.Ok(await CodebookExamples.ShownToAsync(http.Grant(), projects, ct) ? codebook : CodebookExamples.Without(codebook))
                : TypedResults.Problem(title: "No codebook", detail: $"No document '{documentId}', or no codebook applies to it.", statusCode: 404))
            .RequireDocumentAccess(ProjectRight.Read)
            .WithSummary("The codebook that applies to a document (its collection's, else the nearest parent's).");
        return api;
    }

    private static void MapKind(RouteGroupBuilder api, string path, string kind, string noun)
    {
        api.MapGet($"/documents/{{documentId}}/{path}", (string documentId, string? annotator, string? layer, bool? context, HttpContext http, AnnotationReader reader, CancellationToken ct) =>
                reader.ListAsync(documentId, kind, http.Grant(), annotator, layer, context ?? false, ct))
            .RequireDocumentAccess(ProjectRight.Read)
            .WithSummary($"Every {noun} of a document (deleted ones excluded), filterable by annotator id and layer; ?context=true adds each quote's prefix and suffix.");

        api.MapPut($"/documents/{{documentId}}/{path}/{{id}}", async (string documentId, string id, AnnotationRequest? request,
                SessionUser me, AnnotationWriter writer, CancellationToken ct) =>
                request is null
                    ? ToHttp(WriteOutcome.Error("body", "Send a JSON body with at least layer and label" + (kind == Annotation.SpanKind ? ", start and end." : ".")), documentId, path)
                    : ToHttp(await writer.UpsertAsync(documentId, id, kind, request, me, ct), documentId, path))
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary($"Creates or updates a {noun} by its client-chosen UUID; retries are safe, stale versions get 409 with the current state.");

        api.MapDelete($"/documents/{{documentId}}/{path}/{{id}}", async (string documentId, string id, int? version,
                SessionUser me, AnnotationWriter writer, CancellationToken ct) =>
                ToHttp(await writer.DeleteAsync(documentId, id, kind, version, me, ct), documentId, path))
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary($"Deletes a {noun} (kept as a tombstone); deleting twice is fine, a stale ?version= gets 409.");
    }

    /// <summary>A write's outcome as an HTTP answer (shared with the curation endpoints).</summary>
    internal static Results<Created<Annotation>, Ok<Annotation>, NoContent, ValidationProblem, ProblemHttpResult> ToHttp(WriteOutcome outcome, string documentId, string path) => outcome switch
    {
        WriteOutcome.Saved { Created: true } saved => TypedResults.Created($"/api/documents/{documentId}/{path}/{saved.Annotation.Id}", saved.Annotation),
        WriteOutcome.Saved saved => TypedResults.Ok(saved.Annotation),
        WriteOutcome.Unchanged unchanged => TypedResults.Ok(unchanged.Annotation),
        WriteOutcome.Removed => TypedResults.NoContent(),
        WriteOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Invalid annotation"),
        WriteOutcome.Conflict conflict => TypedResults.Problem(title: "Conflict", detail: conflict.Detail, statusCode: 409,
            extensions: new Dictionary<string, object?> { ["current"] = conflict.Current }),
        WriteOutcome.Forbidden forbidden => TypedResults.Problem(title: "Forbidden", detail: forbidden.Detail, statusCode: 403),
        WriteOutcome.NotFound missing => TypedResults.Problem(title: "Not found", detail: missing.Detail, statusCode: 404),
        WriteOutcome.Frozen frozen => TypedResults.Problem(title: "Editing is frozen", detail: frozen.Detail, statusCode: StatusCodes.Status423Locked,
            extensions: new Dictionary<string, object?> { ["frozen"] = true, ["round"] = frozen.Round }),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
    };
}
