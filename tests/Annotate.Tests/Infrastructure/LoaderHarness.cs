using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Tests.Infrastructure;

/// <summary>The real corpus loader over a real SQLite file (or PostgreSQL database, see <see cref="TestDatabase"/>), without the web host.</summary>
internal sealed class LoaderHarness : IDisposable
{
    private readonly string folder = TempFolder.Create();
    private readonly string database;

    private readonly bool ownsDatabase;

    /// <param name="sharedDatabase">Another harness's database, as a second instance would use it (not dropped by this one).</param>
    public LoaderHarness(string corpusRoot, long maxFileSizeBytes = 5 * 1024 * 1024, string? sharedDatabase = null)
    {
        ownsDatabase = sharedDatabase is null;
        database = sharedDatabase ?? TestDatabase.Create(folder);
        Db = new Db(database);
        var options = Options.Create(new AnnotateOptions { Corpus = corpusRoot, Database = database, MaxFileSizeBytes = maxFileSizeBytes });
        var codebooks = new CodebookLoader(Db, new CodebookStore(Db), TimeProvider.System);
        Documents = new DocumentStore(Db);
        Loader = new CorpusLoader(Db, Documents, codebooks, Status, options, TimeProvider.System, NullLogger<CorpusLoader>.Instance);
        Codebooks = new CodebookStore(Db);
    }

    public Db Db { get; }

    /// <summary>What Annotate:Database holds: the file path or the postgres:// URL.</summary>
    public string Database => database;

    public CorpusStatus Status { get; } = new();

    public CorpusLoader Loader { get; }

    public DocumentStore Documents { get; }

    public CodebookStore Codebooks { get; }

    public async Task<CorpusLoadResult> LoadAsync()
    {
        await Migrator.MigrateAsync(Db);
        return await Loader.LoadAsync();
    }

    public void Dispose()
    {
        if (ownsDatabase)
        {
            TestDatabase.Drop(database);
        }

        TempFolder.Delete(folder);
    }
}
