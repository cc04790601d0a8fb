using Annotate.Annotations;
using Annotate.Data;
using Annotate.Tests.Infrastructure;
using Dapper;

namespace Annotate.Tests.Data;

/// <summary>Two app instances (two writers) on one database: with PostgreSQL nothing else serialises them.</summary>
public sealed class TwoInstancesTests : IDisposable
{
    private const string Doc = "wire.2026-03-14-first-escorted-convoy-crosses-sarn-pass";
    private readonly LoaderHarness harness = new(RepositoryRoot.Corpus);

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Two_Writers_Saving_To_One_Document_Get_Distinct_Consecutive_Sequence_Numbers()
    {
        await harness.LoadAsync();
        var version = (await harness.Documents.GetAsync(Doc, null, CancellationToken.None))!.Value.Document.CurrentVersion;
        await harness.Db.WriteAsync((c, t) => c.ExecuteAsync("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES ('racer', 'Racer', 'now');", transaction: t));
        var other = new Db(harness.Database);

        var saves = Enumerable.Range(0, 200).Select(i => Task.Run(() => (i % 2 == 0 ? harness.Db : other).WriteAsync((c, t) =>
            AnnotationStore.SaveAsync(c, t, new AnnotationRow($"race-{i}", Doc, version, "wire", 1, "racer", "Racer", "span", "frame", "protest",
                i, i + 1, "x", "", "", "{}", null, null, 1, 0, 0, 0, "now", "now", null)))));
        await Task.WhenAll(saves);

        await using var connection = await harness.Db.OpenAsync();
        var seqs = (await connection.QueryAsync<long>("SELECT Seq FROM Annotations WHERE DocumentId = @Doc ORDER BY Seq;", new { Doc })).AsList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task On_Postgres_Two_Writers_Locking_Two_Documents_In_Opposite_Orders_Both_Succeed()
    {
        // SQLite has no such race: a second instance's transaction waits for the first's write lock before it starts.
        if (!TestDatabase.UsePostgres)
        {
            return;
        }

        await Migrator.MigrateAsync(harness.Db);
        var other = new Db(harness.Database);
        var (firstHolds, secondHolds) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var attempts = 0;

        // Each write locks one document, waits until the other holds its own, then asks for the other's: on
        // PostgreSQL a deadlock, which the writer settles by retrying the cancelled write after its group commits.
        async Task<int> CrossAsync(Db db, string mine, string theirs, TaskCompletionSource holding, TaskCompletionSource other)
        {
            return await db.WriteAsync(async (c, t) =>
            {
                Interlocked.Increment(ref attempts);
                await Db.LockAsync(c, t, mine);
                holding.TrySetResult();
                await other.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await Db.LockAsync(c, t, theirs);
                return 1;
            });
        }

        var results = await Task.WhenAll(
            Task.Run(() => CrossAsync(harness.Db, "doc-a", "doc-b", firstHolds, secondHolds)),
            Task.Run(() => CrossAsync(other, "doc-b", "doc-a", secondHolds, firstHolds)));

        Assert.Equal([1, 1], results);
        Assert.Equal(3, attempts); // one of them gave way once and went again
    }

    [Fact]
    public async Task On_Postgres_Two_Instances_Loading_The_Corpus_At_Once_Both_Succeed_And_Store_Each_Document_Once()
    {
        // Not yet on SQLite: two processes loading one file at once still race (the second stops with
        // "UNIQUE constraint failed: DocumentVersions"; its next load succeeds). Db.ExclusiveAsync has no
        // cross-process lock for SQLite yet.
        if (!TestDatabase.UsePostgres)
        {
            return;
        }

        await Migrator.MigrateAsync(harness.Db);
        using var second = new LoaderHarness(RepositoryRoot.Corpus, sharedDatabase: harness.Database);

        var results = await Task.WhenAll(Task.Run(() => harness.Loader.LoadAsync()), Task.Run(() => second.Loader.LoadAsync()));

        Assert.All(results, r => Assert.True(r.Errors == 0, string.Join("; ", r.Problems.Select(p => p.Message))));
        Assert.Equal(results[0].Files, results[0].Added + results[1].Added);
        await using var connection = await harness.Db.OpenAsync();
        Assert.Equal(results[0].Files, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM DocumentVersions;"));
    }
}
