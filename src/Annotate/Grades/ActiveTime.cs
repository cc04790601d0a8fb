using System.Globalization;
using Annotate.Data;
using Dapper;

namespace Annotate.Grades;

/// <summary>What one activity report added: the milliseconds credited now and the document's total for the caller.</summary>
public sealed record ActivityReceipt(string DocumentId, long CreditedMilliseconds, long TotalMilliseconds);

/// <summary>
/// Active time per (project, document, person), from the reader's activity reports.
/// <para>
/// The idle rule. The reader reports at most every <see cref="ReportInterval"/> while its tab is visible and the
/// person pressed a key, moved or pressed the pointer, selected or scrolled within the last minute; anything else is
/// idle and sends nothing. The server credits each report with the time since the person's previous report in the
/// project (on any document), at most <see cref="ReportInterval"/>; a report more than <see cref="StretchGap"/> after
/// the previous one starts a new stretch and credits nothing. So time never grows faster than the clock: reports sent
/// faster, twice, or for two documents at once share the same seconds, and a client that lies about being active
/// gains at most the wall-clock time it keeps the page open and reporting.
/// </para>
/// </summary>
internal sealed class ActiveTime(Db db, TimeProvider time)
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan StretchGap = TimeSpan.FromSeconds(60);

    public Task<ActivityReceipt> ReportAsync(string projectId, string documentId, string userId, CancellationToken cancellationToken) =>
        db.WriteAsync(async (c, t) =>
        {
            // One person's reports are credited one after the other, also across instances on PostgreSQL.
            await Db.LockAsync(c, t, $"activity:{projectId}:{userId}");
            var now = time.GetUtcNow();
            var key = new { ProjectId = projectId, DocumentId = documentId, UserId = userId, Now = now.ToString("O", CultureInfo.InvariantCulture) };
            var previous = await c.ExecuteScalarAsync<string?>("SELECT max(LastReportAt) FROM ActiveTime WHERE ProjectId = @ProjectId AND UserId = @UserId;", key, t);
            var credit = Credit(previous is null ? null : DateTimeOffset.Parse(previous, CultureInfo.InvariantCulture), now);
            await c.ExecuteAsync("""
                INSERT INTO ActiveTime (ProjectId, DocumentId, UserId, Milliseconds, LastReportAt) VALUES (@ProjectId, @DocumentId, @UserId, @Credit, @Now)
                ON CONFLICT (ProjectId, DocumentId, UserId) DO UPDATE SET Milliseconds = ActiveTime.Milliseconds + @Credit, LastReportAt = @Now;
                """, new { key.ProjectId, key.DocumentId, key.UserId, key.Now, Credit = credit }, t);
            var total = await c.ExecuteScalarAsync<long>("SELECT Milliseconds FROM ActiveTime WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId;", key, t);
            return new ActivityReceipt(documentId, credit, total);
        }, cancellationToken);

    /// <summary>Each person's active milliseconds in the project, over all documents.</summary>
    public async Task<IReadOnlyDictionary<string, long>> PerPersonAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, long Milliseconds)>(new CommandDefinition(
            "SELECT UserId, CAST(sum(Milliseconds) AS BIGINT) FROM ActiveTime WHERE ProjectId = @ProjectId GROUP BY UserId;", new { ProjectId = projectId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.UserId, r => r.Milliseconds, StringComparer.Ordinal);
    }

    /// <summary>The milliseconds a report at <paramref name="now"/> adds after one at <paramref name="previous"/> (the idle rule above).</summary>
    public static long Credit(DateTimeOffset? previous, DateTimeOffset now)
    {
        if (previous is not { } last || now - last > StretchGap || now <= last)
            return 0;
        return (long)Math.Min((now - last).TotalMilliseconds, ReportInterval.TotalMilliseconds);
    }
}
