using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Export;

/// <summary>GET /api/projects/{p}/export?format=F[&amp;layer=L][&amp;spreadsheetSafe=false]: the export as a zip archive, for owners and curators.</summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/export", async Task<Results<ValidationProblem, FileStreamHttpResult>> (string projectId, string? format, string? layer, bool? spreadsheetSafe, string? document, HttpContext http, ExportRunner runner, CancellationToken ct) =>
            {
                var name = format ?? "jsonl";
                if (runner.Find(name) is not { } chosen)
                {
                    return Invalid("format", $"'{name}' is not an export format; use one of {string.Join(", ", runner.Formats.Select(f => f.Name))}.");
                }

                var options = new ExportOptions(string.IsNullOrEmpty(layer) ? null : layer, spreadsheetSafe ?? true, string.IsNullOrEmpty(document) ? null : document);
                if (await runner.ValidateAsync(projectId, chosen, options, ct) is { } problem)
                {
                    return Invalid(problem.Field, problem.Message);
                }

                // Built in a temporary file, then sent: constant memory, and a length the browser can show progress by.
                var temporary = Path.Combine(Path.GetTempPath(), $"annotate-export-{Guid.NewGuid():N}.zip");
                var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    await using (var archive = new ZipSink(file, chosen.Compression))
                    {
                        await runner.RunAsync(projectId, chosen, options, archive, null, ct);
                    }

                    file.Position = 0;
                }
                catch
                {
                    await file.DisposeAsync();
                    throw;
                }

                return TypedResults.File(file, "application/zip", options.Document is { } one ? $"{one}-{chosen.Name}.zip" : $"{projectId}-{chosen.Name}.zip");
            })
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("Exports the project in a format (jsonl, …) as a zip archive with its dataset card (README.md); owners and curators. CSV cells are spreadsheet-safe unless spreadsheetSafe=false; ?document=ID exports one document of the project.");
        return api;
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid export");
}
