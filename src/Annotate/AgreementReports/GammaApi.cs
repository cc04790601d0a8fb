using Annotate.Corpus;
using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.AgreementReports;

/// <summary>
/// Gamma per span layer, computed in the background: 202 with status "computing" until it is ready, then 200. The
/// same access and blind rules as the agreement report (the visibility is read from the database on every request).
/// </summary>
internal static class GammaApi
{
    public static RouteGroupBuilder MapGamma(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/agreement/gamma", GammaAsync).RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Gamma (Mathet et al. 2015, pygamma-agreement's defaults) per span layer of a project, or of one document with ?document=ID: 202 with status \"computing\" while it is computed in the background (poll again), then 200 with each layer's gamma, observed and expected disorder and the precision reached.");
        return api;
    }

    private static async Task<Results<Ok<GammaReport>, Accepted<GammaReport>, ProblemHttpResult>> GammaAsync(string projectId, string? document,
        HttpContext http, ProjectStore projects, ProjectAccess access, ProjectMembers members, GammaReports gamma, CancellationToken ct)
    {
        var grant = http.Grant();
        if (!grant.SeesOthers || await projects.GetAsync(projectId, ct) is null)
        {
            return TypedResults.Problem(title: "Blind project",
                detail: "Agreement compares everyone's work, which a blind project hides: it is shown once the project is open or revealed.", statusCode: 403);
        }

        // A document not assigned to an annotator answers like a foreign one.
        if (document is not null && (!DocumentIds.IsWellFormed(document) || await members.ProjectOfDocumentAsync(document, ct) != projectId
            || await access.ForDocumentAsync(document, grant.UserId, ct) is null))
        {
            return TypedResults.Problem(title: "Document not found", detail: $"There is no document with id '{document}'.", statusCode: 404);
        }

        var assigned = grant.SeesAssignedOnly ? await members.AssignedAsync(projectId, grant.UserId, ct) : null;
        var report = await gamma.GetAsync(projectId, document, assigned, ct);
        return report.Status == "ready" ? TypedResults.Ok(report) : TypedResults.Accepted((string?)null, report);
    }
}
