using Annotate.Projects;

namespace Annotate.Export;

/// <summary>GET /api/projects/{p}/export?format=jsonl: the export, streamed, for owners and curators.</summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/export", async (string projectId, string? format, HttpContext http, JsonlExport export, CancellationToken ct) =>
            {
                if ((format ?? "jsonl") != "jsonl")
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"'{format}' is not an export format; use jsonl."] }, title: "Invalid export");
                }

                http.Response.ContentType = "application/x-ndjson; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{projectId}.jsonl\"";
                await export.WriteAsync(projectId, http.Response.Body, null, ct);
                return Results.Empty;
            })
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("Exports the project as JSONL (one document per line with every annotator's spans, labels and soft labels); owners and curators.");
        return api;
    }
}
