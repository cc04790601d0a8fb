using Annotate.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Annotate.Hosting;

internal static class Startup
{
    /// <summary>
    /// Says where the data lives and brings the database schema up to date before the first request. Returns false,
    /// after a one-line reason, when the server cannot run: a setting out of range, a corpus folder that does not exist, a database that
    /// cannot be opened or is newer than this build.
    /// </summary>
    public static async Task<bool> PrepareAsync(WebApplication app)
    {
        AnnotateOptions options;
        try
        {
            options = app.Services.GetRequiredService<IOptions<AnnotateOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            // A setting out of range (Annotate:TicketLifetimeDays, Annotate:LiveCheckSeconds, …) names itself and its range.
            app.Logger.LogCritical("Cannot start: {Reason}", string.Join(" ", ex.Failures));
            return false;
        }

        var corpus = Path.GetFullPath(options.CorpusPath);
        var db = app.Services.GetRequiredService<Db>();
        if (!Directory.Exists(corpus))
        {
            app.Logger.LogCritical("The corpus folder {Corpus} does not exist. Pass --corpus DIR (or set Annotate:Corpus).", corpus);
            return false;
        }

        app.Logger.LogInformation("Corpus folder: {Corpus}", corpus);
        app.Logger.LogInformation("Database: {Database}", db.Display);
        try
        {
            await Migrator.MigrateAsync(db);
            return true;
        }
        catch (Exception ex) when (ex is SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            app.Logger.LogCritical("Cannot use the database {Database}: {Reason}", db.Display, ex.Message);
            return false;
        }
    }
}
