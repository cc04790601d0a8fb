using System.Globalization;
using Annotate.Data;
using Annotate.Rounds;
using Dapper;

namespace Annotate.Grades;

/// <summary>What was kept of a round for the grade sheet: the key, when, why there are no scores (if so), the scores.</summary>
internal sealed record KeptRound(string RoundId, string KeyId, string KeptAt, string? Note, IReadOnlyList<DocumentScore> Scores);

/// <summary>
/// The class's scores as they stood when each round ended, kept once and never recomputed, so a past round's
/// figures do not move when students (or the key) edit later. Kept right after the round's end is committed, as
/// its agreement is: when a discuss round (a freeze) ends, nothing can have been written in between.
/// </summary>
internal sealed class RoundScores(Db db, ClassScores scores, TimeProvider time) : IRoundEnded
{
    public async Task OnRoundEndedAsync(string projectId, string roundId, CancellationToken cancellationToken)
    {
        var now = await scores.NowAsync(projectId, cancellationToken);
        await db.WriteAsync(async (c, t) =>
        {
            var kept = await c.ExecuteAsync("""
                INSERT INTO RoundGrades (RoundId, KeyId, KeptAt, Note) VALUES (@RoundId, @KeyId, @KeptAt, @Note) ON CONFLICT DO NOTHING;
                """, new { RoundId = roundId, KeyId = now.Key, KeptAt = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), now.Note }, t);
            if (kept == 0)
                return; // kept already: the first figures stand
            foreach (var s in now.Scores)
            {
                await c.ExecuteAsync("""
                    INSERT INTO RoundScores (RoundId, UserId, DocumentId, KeySpans, YourSpans, SpanF1Exact, SpanF1Overlap)
                    VALUES (@RoundId, @UserId, @DocumentId, @KeySpans, @YourSpans, @SpanF1Exact, @SpanF1Overlap);
                    """, new { RoundId = roundId, s.UserId, s.DocumentId, s.KeySpans, s.YourSpans, s.SpanF1Exact, s.SpanF1Overlap }, t);
            }
        }, cancellationToken);
    }

    /// <summary>What was kept of each ended round of the project, by round id (rounds ended before this was kept have none).</summary>
    public async Task<IReadOnlyDictionary<string, KeptRound>> OfProjectAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var key = new { ProjectId = projectId };
        var rounds = await connection.QueryAsync<(string RoundId, string KeyId, string KeptAt, string? Note)>(new CommandDefinition("""
            SELECT g.RoundId, g.KeyId, g.KeptAt, g.Note FROM RoundGrades g JOIN Rounds r ON r.Id = g.RoundId WHERE r.ProjectId = @ProjectId;
            """, key, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<ScoreRow>(new CommandDefinition("""
            SELECT s.RoundId, s.UserId, s.DocumentId, s.KeySpans, s.YourSpans, s.SpanF1Exact, s.SpanF1Overlap
            FROM RoundScores s JOIN Rounds r ON r.Id = s.RoundId WHERE r.ProjectId = @ProjectId;
            """, key, cancellationToken: cancellationToken))).ToLookup(r => r.RoundId, StringComparer.Ordinal);
        return rounds.ToDictionary(r => r.RoundId, r => new KeptRound(r.RoundId, r.KeyId, r.KeptAt, r.Note, [.. rows[r.RoundId].Select(s => s.ToScore())]),
            StringComparer.Ordinal);
    }

    /// <summary>A row of RoundScores (properties: SQLite's 64-bit integers map without a constructor).</summary>
    private sealed class ScoreRow
    {
        public string RoundId { get; set; } = "";

        public string UserId { get; set; } = "";

        public string DocumentId { get; set; } = "";

        public long KeySpans { get; set; }

        public long YourSpans { get; set; }

        public double? SpanF1Exact { get; set; }

        public double? SpanF1Overlap { get; set; }

        public DocumentScore ToScore() => new(UserId, DocumentId, (int)KeySpans, (int)YourSpans, SpanF1Exact, SpanF1Overlap);
    }
}
