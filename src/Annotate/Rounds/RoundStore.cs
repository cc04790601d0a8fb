using System.Data;
using Annotate.Data;
using Dapper;

namespace Annotate.Rounds;

/// <summary>
/// A project's rounds. Starting or ending one takes the project's round lock exclusively; an annotation write takes
/// it shared (<see cref="EditingFreeze"/>), so on PostgreSQL no write can slip past a freeze that another instance
/// is committing (SQLite's single writer already orders them).
/// </summary>
internal sealed class RoundStore(Db db, TimeProvider time)
{
    private const string Columns = "Id, ProjectId, Number, Name, Kind, StartedAt, StartedBy, EndedAt, SnapshotJson, MeasuresJson";

    public static string LockKey(string projectId) => "rounds:" + projectId;

    public async Task<IReadOnlyList<RoundRow>> ListAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<RoundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM Rounds WHERE ProjectId = @ProjectId ORDER BY Number;", new { ProjectId = projectId }, cancellationToken: cancellationToken))];
    }

    public async Task<RoundRow?> GetAsync(string projectId, string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            $"SELECT {Columns} FROM Rounds WHERE ProjectId = @ProjectId AND Id = @Id;", new { ProjectId = projectId, Id = roundId }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends the open round (if any) and opens a new one, in one transaction: the ended round and the new one.</summary>
    public Task<(RoundRow? Ended, RoundRow Started)> StartAsync(string projectId, string kind, string? name, string userId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            await Db.LockAsync(c, t, LockKey(projectId));
            var ended = await EndOpenAsync(c, t, projectId);
            var number = await c.ExecuteScalarAsync<long>("SELECT coalesce(max(Number), 0) + 1 FROM Rounds WHERE ProjectId = @ProjectId;", new { ProjectId = projectId }, t);
            if (name is null)
            {
                var sameKind = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM Rounds WHERE ProjectId = @ProjectId AND Kind = @Kind;", new { ProjectId = projectId, Kind = kind }, t);
                name = RoundKinds.Title(kind) + (sameKind == 0 ? "" : FormattableString.Invariant($" {sameKind + 1}"));
            }

            var row = new RoundRow
            {
                Id = Guid.CreateVersion7().ToString(), ProjectId = projectId, Number = number, Name = name, Kind = kind,
                StartedAt = time.GetUtcNow().ToString("O"), StartedBy = userId,
            };
            await c.ExecuteAsync($"INSERT INTO Rounds ({Columns}) VALUES (@Id, @ProjectId, @Number, @Name, @Kind, @StartedAt, @StartedBy, @EndedAt, @SnapshotJson, @MeasuresJson);", row, t);
            return (ended, row);
        }, cancellationToken);

    /// <summary>Ends the open round; null when none was open.</summary>
    public Task<RoundRow?> EndAsync(string projectId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            await Db.LockAsync(c, t, LockKey(projectId));
            return await EndOpenAsync(c, t, projectId);
        }, cancellationToken);

    public Task SaveSnapshotAsync(string roundId, string snapshotJson, string measuresJson, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("UPDATE Rounds SET SnapshotJson = @SnapshotJson, MeasuresJson = @MeasuresJson WHERE Id = @Id;",
            new { Id = roundId, SnapshotJson = snapshotJson, MeasuresJson = measuresJson }, t), cancellationToken);

    private async Task<RoundRow?> EndOpenAsync(IDbConnection c, IDbTransaction t, string projectId)
    {
        var open = await c.QuerySingleOrDefaultAsync<RoundRow>($"SELECT {Columns} FROM Rounds WHERE ProjectId = @ProjectId AND EndedAt IS NULL;", new { ProjectId = projectId }, t);
        if (open is null)
        {
            return null;
        }

        open.EndedAt = time.GetUtcNow().ToString("O");
        await c.ExecuteAsync("UPDATE Rounds SET EndedAt = @EndedAt WHERE Id = @Id;", open, t);
        return open;
    }
}

/// <summary>A row of Rounds (properties, so that SQLite's 64-bit integers map without a constructor).</summary>
internal sealed class RoundRow
{
    public string Id { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public long Number { get; set; }

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string StartedAt { get; set; } = "";

    public string StartedBy { get; set; } = "";

    public string? EndedAt { get; set; }

    /// <summary>The report as GET …/agreement served it (undefined figures written as null, so kept as text, never read back into the record).</summary>
    public string? SnapshotJson { get; set; }

    /// <summary>Its headline figures (<see cref="RoundMeasures"/>).</summary>
    public string? MeasuresJson { get; set; }

    public bool Frozen => EndedAt is null && RoundKinds.Freezes(Kind);
}
