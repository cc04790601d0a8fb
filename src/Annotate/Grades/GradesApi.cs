using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.Grades;

/// <summary>
/// The grade sheet (owners and curators) as JSON or CSV, and the reader's activity reports that make up active time
/// (anyone who may annotate the document, for their own time only).
/// </summary>
internal static class GradesApi
{
    public static RouteGroupBuilder MapGrades(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/grades", async Task<Results<Ok<GradeSheet>, FileContentHttpResult, ValidationProblem>> (string projectId, string? format, bool? anonymous,
                GradeSheets sheets, CancellationToken ct) =>
            {
                if (format is not (null or "" or "json" or "csv"))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"'{format}' is not a grade sheet format; use json or csv."] }, title: "Invalid format");
                var sheet = await sheets.BuildAsync(projectId, anonymous == true, ct);
                return format == "csv" ? Csv(sheet) : TypedResults.Ok(sheet);
            })
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("The grade sheet (owners and curators): per student documents assigned and done, active minutes, and mean span F1 against the exercise key at the end of each round and now; ?format=csv for the CSV file, ?anonymous=true names students Student 1, Student 2, ….");

        api.MapGet("/projects/{projectId}/grades.csv", async (string projectId, bool? anonymous, GradeSheets sheets, CancellationToken ct) =>
                Csv(await sheets.BuildAsync(projectId, anonymous == true, ct)))
            .RequireProjectAccess(ProjectRight.SeeAll)
            .WithSummary("The grade sheet as a CSV file to download (spreadsheet-safe, UTF-8 with a byte order mark); ?anonymous=true names students Student 1, Student 2, ….");

        api.MapPost("/documents/{documentId}/activity", async (string documentId, HttpContext http, ActiveTime activeTime, CancellationToken ct) =>
            {
                var grant = http.Grant();
                return TypedResults.Ok(await activeTime.ReportAsync(grant.ProjectId, documentId, grant.UserId, ct));
            })
            .RequireDocumentAccess(ProjectRight.Annotate)
            .WithSummary("The reader's report that the caller is actively working on the document (at most every 30 s while they interacted in the last minute and the tab is visible); credits the time since their previous report, at most 30 s, nothing after a minute's silence.");
        return api;
    }

    private static FileContentHttpResult Csv(GradeSheet sheet) =>
        TypedResults.File(GradesCsv.Write(sheet), "text/csv; charset=utf-8", GradesCsv.FileName(sheet.ProjectId));
}
