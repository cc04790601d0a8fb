using Annotate.AgreementReports;
using Annotate.Annotations;
using Annotate.Changes;
using Annotate.Classroom;
using Annotate.Cli;
using Annotate.Codebook;
using Annotate.Collaboration;
using Annotate.Corpus;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Exercises;
using Annotate.Export;
using Annotate.Grades;
using Annotate.Hosting;
using Annotate.Projects;
using Annotate.Relations;
using Annotate.Rounds;
using Annotate.Sessions;
using Microsoft.AspNetCore.HttpOverrides;

// One executable: the command line decides what runs. `serve` (the default) calls ServeAsync below.
return await AnnotateCli.RunAsync(args, ServeAsync);

static async Task<int> ServeAsync(string[] hostArgs)
{
    // The app's own folder, not the working directory, holds its appsettings.json: started from anywhere it keeps
    // its log levels and defaults. Paths a user types (--db, --corpus) still resolve against the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });

    // access_token and ticket values in URLs are masked in every log message, at every level, for every sink.
    builder.Logging.AddLogRedaction();

    // Serve the built front end from the project's wwwroot in every environment of an unpublished build
    // (otherwise only Development does); a published app has no manifest and this changes nothing.
    builder.WebHost.UseStaticWebAssets();

    // Corpus folder, database file and limits, from appsettings, environment (Annotate__Database) or --corpus/--db.
    builder.Services.AddAnnotateOptions();

    // SQLite: one connection per operation, one writer, schema migrated at start.
    builder.Services.AddAnnotateData();

    // After a write commits, the writer announces it once to the change feed; the features below subscribe to it
    // (agreement invalidation, live push, agreement viewers), each in turn, and none can fail the write.
    builder.Services.AddAnnotateChanges();

    // Each feature registers its own services (its folder's *Setup.cs).
    // The corpus folder is loaded in the background and watched; the API reads what is loaded so far.
    builder.Services.AddAnnotateCorpus();
    builder.Services.AddAnnotateCodebooks();

    // Projects, their members and roles; who may do what is checked against the database on every call.
    builder.Services.AddAnnotateProjects();

    // Annotations and document labels: validated against text and codebook, idempotent upserts by client id.
    builder.Services.AddAnnotateAnnotations();
    // Relations between two spans of one author: the same rules, rows and sequence numbers as spans.
    builder.Services.AddAnnotateRelations();
    builder.Services.AddAnnotateCuration();
    builder.Services.AddAnnotateClassroom();
    // Norming rounds: a discuss round freezes annotators' writes (checked in each write's transaction).
    builder.Services.AddAnnotateRounds();
    // Exercises: a student's score against the teacher's key, only after Done and never while blind.
    builder.Services.AddAnnotateExercises();
    // The grade sheet: active time from the reader's reports, and each round's scores against the key kept at its end.
    builder.Services.AddAnnotateGrades();

    // Inter-annotator agreement of a project or document, cached per revision; viewers are told when it changes.
    builder.Services.AddAnnotateAgreementReports();
    builder.Services.AddAnnotateExport();

    // Live collaboration: the SignalR hub pushes committed changes and presence; visibility is checked per change.
    builder.Services.AddAnnotateCollaboration(builder.Configuration[$"{AnnotateOptions.Section}:Redis"]);

    // Display-name sessions in a cookie until accounts arrive; every API call is checked against the database.
    builder.Services.AddAnnotateSessions();
    // Writes made with the session cookie must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header.
    builder.Services.AddAnnotateAntiforgery();

    // Errors are ProblemDetails everywhere; the OpenAPI document describes the API.
    builder.Services.AddAnnotateProblemDetails();
    builder.Services.AddAnnotateCompression();
    builder.Services.AddAnnotateOpenApi();

    // Disposing the app flushes the console logger, whose queue would otherwise lose the reason for an early exit.
    await using var app = builder.Build();
    if (!await Startup.PrepareAsync(app))
    {
        return 2;
    }

    app.UseAnnotateExceptionHandler();
    // Local mode is decided per request from the raw socket, proxy headers and Host, before the headers are applied;
    // in local mode a Host that is not a loopback name is refused (DNS rebinding).
    app.UseLocalRequests();
    // Behind a reverse proxy on this machine (nginx, Caddy) the original scheme and address come in headers;
    // only proxies on the loopback interface are trusted to set them.
    app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
    app.UseAnnotateSecurityHeaders();
    app.UseResponseCompression();
    app.UseDefaultFiles();
    app.UseRouting();
    app.UseAuthentication();
    // Every GET under /api hands out the anti-forgery token (XSRF-TOKEN cookie) for the identity it was made with.
    app.UseAntiforgeryCookie();
    app.UseAuthorization();
    app.UseRateLimiter();

    // The JSON API: signed-in users only, and writes with the session cookie need the anti-forgery token.
    var api = app.MapGroup("/api").RequireAuthorization().RequireSameSiteWrites();
    // Each feature maps its routes in a group of its own, tagged with its name in the OpenAPI document.
    api.MapAnnotateSessions();
    api.MapAnnotateCorpus();
    api.MapAnnotateCodebooks();
    api.MapAnnotateAnnotations();
    api.MapAnnotateRelations();
    api.MapAnnotateProjects();
    api.MapAnnotateClassroom();
    api.MapAnnotateRounds();
    api.MapAnnotateExercises();
    api.MapAnnotateGrades();
    api.MapAnnotateExport();
    api.MapAnnotateCuration();
    api.MapAnnotateAgreementReports();
    app.MapAnnotateCollaboration();

    app.MapOpenApi();
    app.MapHealthChecks("/healthz");

    // The single-page reader: its routes all serve index.html, the script picks the view.
    app.MapStaticAssets();
    app.MapFallbackToFile("/documents/{*id}", "index.html");
    app.MapFallbackToFile("/status", "index.html");
    app.MapFallbackToFile("/agreement", "index.html");
    app.MapFallbackToFile("/account", "index.html");
    app.MapFallbackToFile("/join", "index.html");
    app.MapFallbackToFile("/class", "index.html");

    await app.RunAsync();
    return 0;
}
