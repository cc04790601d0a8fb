using Annotate.Corpus;
using Annotate.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Annotate.AgreementReports;

/// <summary>
/// Agreement figures of a project or document, and the per-character heat map of a document. Both show everyone's
/// work, so both are refused in a blind project (the visibility is read from the database on every request).
/// </summary>
internal static class AgreementApi
{
    public const int MaxBootstrap = 10_000;

    public static RouteGroupBuilder MapAgreement(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId}/agreement", ReportAsync).RequireProjectAccess(ProjectRight.Read)
            .WithSummary("Agreement of a project, or of one document with ?document=ID: unitizing alpha, span F1, token alpha, the coding report of document labels, per label, pair, document and (with ?groupBy=ATTRIBUTE) perspective group; ?bootstrap=N adds 95% intervals; ?anonymous=true names people Student 1, Student 2, … (for showing a class).")
            .WithDescription("A bootstrap costs units × samples (units: the tokens of the annotated documents, or the documents): above 20,000,000 it is refused with 400 naming the limit and the figures. Requests with bootstrap or groupBy are heavy: computed on a lane of their own (the plain report never waits for them), each distinct request once, and at most 2 per person at a time; a third is answered 429 with Retry-After.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/documents/{documentId}/agreement/text", TextAsync).RequireDocumentAccess(ProjectRight.Read)
            .WithSummary("Per-character agreement of a document's text: the stretches someone labelled, the share of annotator pairs agreeing there, and who gave which labels (UTF-16 offsets).");
        return api;
    }

    private static async Task<Results<Ok<ProjectAgreementReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(string projectId, string? document, string? groupBy, int? bootstrap,
        bool? anonymous, HttpContext http, ProjectStore projects, ProjectAccess access, ProjectMembers members, AgreementService agreement, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (bootstrap is < 100 or > MaxBootstrap)
        {
            errors["bootstrap"] = [$"Bootstrap samples must be between 100 and {MaxBootstrap}; {bootstrap} was given."];
        }

        if (groupBy is not null && !AnnotatorStore.AttributeName().IsMatch(groupBy))
        {
            errors["groupBy"] = [$"'{groupBy}' is not an attribute name: use 1–40 characters of a-z, 0-9, _ and -."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid agreement request");
        }

        var grant = http.Grant();
        if (!grant.SeesOthers || await projects.GetAsync(projectId, ct) is not { } project)
        {
            return Blind();
        }

        // A document not assigned to an annotator answers like a foreign one.
        if (document is not null && (!DocumentIds.IsWellFormed(document) || await members.ProjectOfDocumentAsync(document, ct) != projectId
            || await access.ForDocumentAsync(document, grant.UserId, ct) is null))
        {
            return DocumentNotFound(document);
        }

        var assigned = grant.SeesAssignedOnly ? await members.AssignedAsync(projectId, grant.UserId, ct) : null;
        ProjectAgreementReport report;
        try
        {
            report = await agreement.ReportAsync(project, document, new AgreementOptions(groupBy, bootstrap), ct, assigned, grant.UserId);
        }
        catch (AgreementLimitException ex)
        {
            return TypedResults.Problem(title: "Bootstrap too large", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AgreementBusyException ex)
        {
            http.Response.Headers.RetryAfter = ((int)AgreementLimits.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many agreement computations", detail: ex.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }


        if (anonymous == true)
        {
            var numbers = Anonymous.Numbering(await members.ListAsync(projectId, ct));
            report = report with { Annotators = report.Annotators.Select(a => a with { Name = numbers(a.Id) }).ToList() };
        }

        return TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<TextAgreementReport>, ProblemHttpResult>> TextAsync(string documentId, string? layer, bool? anonymous,
        HttpContext http, ProjectStore projects, DocumentStore documents, ProjectMembers members, AgreementService agreement, CancellationToken ct)
    {
        if (!DocumentIds.IsWellFormed(documentId) || await documents.HeadAsync(documentId, ct) is not { } head)
        {
            return DocumentNotFound(documentId);
        }

        if (!http.Grant().SeesOthers || await projects.GetAsync(http.Grant().ProjectId, ct) is not { } project)
        {
            return Blind();
        }

        var text = await agreement.TextAsync(project, documentId, head.CurrentVersion, layer, ct);
        if (anonymous == true)
        {
            var numbers = Anonymous.Numbering(await members.ListAsync(project.Id, ct));
            text = text with { Annotators = text.Annotators.Select(a => a with { Name = numbers(a.Id) }).ToList() };
        }

        return TypedResults.Ok(text);
    }

    private static ProblemHttpResult Blind() => TypedResults.Problem(title: "Blind project",
        detail: "Agreement compares everyone's work, which a blind project hides: it is shown once the project is open or revealed.", statusCode: 403);

    private static ProblemHttpResult DocumentNotFound(string documentId) =>
        TypedResults.Problem(title: "Document not found", detail: $"There is no document with id '{documentId}'.", statusCode: 404);
}
