using Annotate.Annotations;
using Annotate.Curation;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Relations;

/// <summary>
/// Relations between spans of a document (…/relations), and the gold layer's (…/gold-relations, for curators): list,
/// idempotent upsert by the client's UUID, and delete (a tombstone), by the same rules as spans.
/// </summary>
internal static class RelationsApi
{
    public static RouteGroupBuilder MapRelations(this RouteGroupBuilder api)
    {
        api.MapGet("/documents/{documentId}/relations", (string documentId, string? annotator, HttpContext http, AnnotationReader reader, CancellationToken ct) =>
                reader.ListAsync(documentId, Annotation.RelationKind, http.Grant(), annotator, null, relations => new RelationList([.. relations.Select(Relation.From)]), ct))
            .RequireDocumentAccess(ProjectRight.Read)
            .WithSummary("Every relation of a document (deleted ones excluded) the caller may see, filterable by annotator id (\"gold\" for the gold layer's).");

        api.MapPut("/documents/{documentId}/relations/{id}", (string documentId, string id, RelationRequest? request, SessionUser me, RelationWriter writer, CancellationToken ct) =>
                PutAsync(documentId, id, request, me, "relations", writer, ct))
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("Creates or updates a relation between two of the caller's spans by its client-chosen UUID; retries are safe, stale versions get 409 with the current state.");

        api.MapDelete("/documents/{documentId}/relations/{id}", async (string documentId, string id, int? version, SessionUser me, RelationWriter writer, CancellationToken ct) =>
                ToHttp(await writer.DeleteAsync(documentId, id, version, me, ct), documentId, "relations"))
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("Deletes a relation (kept as a tombstone); deleting twice is fine, a stale ?version= gets 409.");

        api.MapPut("/documents/{documentId}/gold-relations/{id}", async (string documentId, string id, GoldRelationRequest? request, SessionUser me, GoldRelationWriter writer, CancellationToken ct) =>
                request is null
                    ? ToHttp(WriteOutcome.Error("body", "Send a JSON body with at least type, source and target (and action and sources when curating)."), documentId, "gold-relations")
                    : ToHttp(await writer.UpsertAsync(documentId, id, request, me, ct), documentId, "gold-relations"))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary("Creates or updates a relation of the gold layer between two gold spans, by the rules of …/relations, with its provenance (action and source relation ids); with an action, an end may be an annotator's span already accepted into gold (409 naming the end when it is not).");

        api.MapDelete("/documents/{documentId}/gold-relations/{id}", async (string documentId, string id, int? version, GoldRelationWriter writer, CancellationToken ct) =>
                ToHttp(await writer.DeleteAsync(documentId, id, version, Annotation.RelationKind, ct), documentId, "gold-relations"))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary("Deletes a relation of the gold layer (kept as a tombstone).");
        return api;
    }

    private static async Task<Results<Created<Relation>, Ok<Relation>, NoContent, ValidationProblem, ProblemHttpResult>> PutAsync(
        string documentId, string id, RelationRequest? request, SessionUser author, string path, RelationWriter writer, CancellationToken ct) =>
        request is null
            ? ToHttp(WriteOutcome.Error("body", "Send a JSON body with at least type, source and target."), documentId, path)
            : ToHttp(await writer.UpsertAsync(documentId, id, request, author, ct), documentId, path);

    /// <summary>A write's outcome as an HTTP answer: the span answers, with a relation where they carry an annotation.</summary>
    internal static Results<Created<Relation>, Ok<Relation>, NoContent, ValidationProblem, ProblemHttpResult> ToHttp(WriteOutcome outcome, string documentId, string path) => outcome switch
    {
        WriteOutcome.Saved { Created: true } saved => TypedResults.Created($"/api/documents/{documentId}/{path}/{saved.Annotation.Id}", Relation.From(saved.Annotation)),
        WriteOutcome.Saved saved => TypedResults.Ok(Relation.From(saved.Annotation)),
        WriteOutcome.Unchanged unchanged => TypedResults.Ok(Relation.From(unchanged.Annotation)),
        WriteOutcome.Removed => TypedResults.NoContent(),
        WriteOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Invalid relation"),
        WriteOutcome.Conflict conflict => TypedResults.Problem(title: "Conflict", detail: conflict.Detail, statusCode: 409,
            extensions: new Dictionary<string, object?> { ["current"] = Relation.From(conflict.Current) }),
        WriteOutcome.MissingGoldEnd missing => TypedResults.Problem(title: "An end is not in the gold layer", detail: missing.Detail, statusCode: 409,
            extensions: new Dictionary<string, object?> { ["field"] = missing.Field, ["span"] = missing.SpanId }),
        WriteOutcome.Forbidden forbidden => TypedResults.Problem(title: "Forbidden", detail: forbidden.Detail, statusCode: 403),
        WriteOutcome.NotFound missing => TypedResults.Problem(title: "Not found", detail: missing.Detail, statusCode: 404),
        WriteOutcome.Frozen frozen => TypedResults.Problem(title: "Editing is frozen", detail: frozen.Detail, statusCode: StatusCodes.Status423Locked,
            extensions: new Dictionary<string, object?> { ["frozen"] = true, ["round"] = frozen.Round }),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
    };
}
