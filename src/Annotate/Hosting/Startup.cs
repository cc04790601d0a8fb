using Annotate.Data;
using Microsoft.Extensions.Options;

namespace Annotate.Hosting;

internal static class Startup
{
    /// <summary>Says where the data lives and brings the database schema up to date before the first request.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AnnotateOptions>>().Value;
        var db = app.Services.GetRequiredService<Db>();
        app.Logger.LogInformation("Corpus folder: {Corpus}", Path.GetFullPath(options.CorpusPath));
        app.Logger.LogInformation("Database: {Database}", db.DatabasePath);
        await Migrator.MigrateAsync(db);
    }
}
