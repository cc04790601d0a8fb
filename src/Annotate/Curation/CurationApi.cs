using Annotate.Annotations;
using Annotate.Projects;
using Annotate.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Curation;

/// <summary>
/// Curation of a document, for curators and owners: the view (everyone's work, disagreements classified, the gold
/// layer), gold spans (…/gold), gold document labels (…/gold-labels), rejections (…/rejections), and accepting
/// everything agreed in one action. Writes are idempotent by the client's UUID, like annotators' writes.
/// </summary>
internal static class CurationApi
{
    public static RouteGroupBuilder MapCuration(this RouteGroupBuilder api)
    {
        api.MapGet("/documents/{documentId}/curation", async Task<Results<Ok<CurationView>, ProblemHttpResult>> (string documentId, CurationReader reader, CancellationToken ct) =>
                await reader.ReadAsync(documentId, ct) is { } view
                    ? TypedResults.Ok(view)
                    : TypedResults.Problem(title: "Document not found", detail: $"There is no document with id '{documentId}'.", statusCode: 404))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary("Everyone's spans and labels of a document, the gold layer with provenance, rejections, and clusters with their disagreements (boundary, label, missed).");

        MapKind(api, "gold", Annotation.SpanKind, "gold span");
        MapKind(api, "gold-labels", Annotation.DocumentKind, "gold document label");
        MapKind(api, "rejections", Annotation.RejectedKind, "rejection (a stretch decided to have no gold span)");

        api.MapPut("/documents/{documentId}/relation-rejections/{id}", async (string documentId, string id, RelationRejectionRequest? request, SessionUser me, GoldRelationWriter writer, CancellationToken ct) =>
                AnnotationsApi.ToHttp(request is null
                    ? WriteOutcome.Error("body", "Send a JSON body with type and sources (the rejected relations' ids).")
                    : await writer.RejectAsync(documentId, id, request, me, ct), documentId, "relation-rejections"))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary("Creates or updates a rejection of annotators' relations (a decision that they have no gold relation), with its provenance.");

        api.MapDelete("/documents/{documentId}/relation-rejections/{id}", async (string documentId, string id, int? version, GoldRelationWriter writer, CancellationToken ct) =>
                AnnotationsApi.ToHttp(await writer.DeleteAsync(documentId, id, version, Annotation.RejectedRelationKind, ct), documentId, "relation-rejections"))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary("Deletes a rejection of relations (kept as a tombstone, so it can be restored by a PUT with the tombstone's version).");

        api.MapPost("/documents/{documentId}/gold/accept-agreed", async Task<Results<Ok<AcceptAgreedResult>, ValidationProblem, ProblemHttpResult>> (
                string documentId, AcceptAgreedRequest? request, SessionUser me, AcceptAgreed accept, CancellationToken ct) =>
            {
                var (result, failure) = await accept.RunAsync(documentId, request?.Layer, me, ct);
                return failure switch
                {
                    null => TypedResults.Ok(result!),
                    WriteOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Invalid gold annotation"),
                    WriteOutcome.NotFound missing => TypedResults.Problem(title: "Not found", detail: missing.Detail, statusCode: 404),
                    _ => TypedResults.Problem(title: "Conflict", detail: "Someone changed the document while accepting; reload and try again.", statusCode: 409),
                };
            })
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary("Accepts into the gold layer every span and label all the document's annotators agree on and the gold layer lacks, then every relation they agree on whose ends are then in gold; returns what was created.");
        return api;
    }

    private static void MapKind(RouteGroupBuilder api, string path, string kind, string noun)
    {
        api.MapPut($"/documents/{{documentId}}/{path}/{{id}}", async (string documentId, string id, GoldRequest? request, SessionUser me, GoldWriter writer, CancellationToken ct) =>
                request is null
                    ? AnnotationsApi.ToHttp(WriteOutcome.Error("body", "Send a JSON body with layer, label, action and sources" + (kind == Annotation.DocumentKind ? "." : ", start and end.")), documentId, path)
                    : AnnotationsApi.ToHttp(await writer.UpsertAsync(documentId, id, kind, request, me, ct), documentId, path))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary($"Creates or updates a {noun} by its client-chosen UUID, with its provenance (action and source annotation ids).");

        api.MapDelete($"/documents/{{documentId}}/{path}/{{id}}", async (string documentId, string id, int? version, GoldWriter writer, CancellationToken ct) =>
                AnnotationsApi.ToHttp(await writer.DeleteAsync(documentId, id, kind, version, ct), documentId, path))
            .RequireDocumentAccess(ProjectRight.Curate)
            .WithSummary($"Deletes a {noun} (kept as a tombstone, so it can be restored by a PUT with the tombstone's version).");
    }
}
