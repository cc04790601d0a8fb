using System.Text.Json;
using Annotate.Agreement.Spans;
using Annotate.Data;
using Annotate.Projects;
using Dapper;

namespace Annotate.Exercises;

/// <summary>The headline figures of one attempt: a Done while the exercise was on, scored at that moment.</summary>
/// <param name="Number">1 for the first Done, then one more for each Done after a Reopen.</param>
/// <param name="DoneAt">When the student marked the document Done.</param>
/// <param name="LabelLayers">Document-label layers either side labelled; <paramref name="LabelsAgreeing"/> of them agree.</param>
public sealed record AttemptFigures(int Number, string DoneAt, int KeySpans, int YourSpans, double? SpanF1Exact, double? SpanF1Overlap,
    SpanDisagreements Disagreements, int LabelLayers, int LabelsAgreeing);

/// <summary>A student's attempts on a document: how many, and the first and latest (the same one when there is one).</summary>
public sealed record ExerciseAttemptsView(int Count, AttemptFigures? First, AttemptFigures? Latest);

/// <summary>
/// Keeps each attempt's score (issue 16, point 8: "scores before and after are kept"). An attempt is recorded when a
/// student's Done mark is set while the exercise is on and there is a key to score against; the Done mark's time
/// identifies it, so marking Done again without reopening records nothing new.
/// </summary>
internal sealed class ExerciseAttempts(Db db, ExerciseStore store, ProjectMembers members)
{
    public async Task RecordAsync(ProjectGrant grant, string documentId, string doneAt, CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(grant.ProjectId, cancellationToken);
        if (settings.Mode == ExerciseModes.Off || await ExerciseFeedback.KeyProblemAsync(settings, grant, members, cancellationToken) is not null)
            return;

        var annotations = await store.AnnotationsAsync(documentId, grant.UserId, settings.Key, cancellationToken);
        var json = JsonSerializer.Serialize(ExerciseScoring.Score(documentId, settings, grant.UserId, annotations), JsonSerializerOptions.Web);
        await db.WriteAsync((c, t) => c.ExecuteAsync("""
            INSERT INTO ExerciseAttempts (ProjectId, DocumentId, UserId, Number, DoneAt, ScoreJson)
            SELECT @ProjectId, @DocumentId, @UserId, coalesce(max(Number), 0) + 1, @DoneAt, @ScoreJson FROM ExerciseAttempts
            WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId
            ON CONFLICT DO NOTHING;
            """, new { grant.ProjectId, DocumentId = documentId, grant.UserId, DoneAt = doneAt, ScoreJson = json }, t), cancellationToken);
    }

    public async Task<ExerciseAttemptsView> OfAsync(string projectId, string documentId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT Number, DoneAt, ScoreJson FROM ExerciseAttempts
            WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId ORDER BY Number;
            """, new { ProjectId = projectId, DocumentId = documentId, UserId = userId }, cancellationToken: cancellationToken))).AsList();
        return rows.Count == 0 ? new ExerciseAttemptsView(0, null, null) : new ExerciseAttemptsView(rows.Count, rows[0].Figures(), rows[^1].Figures());
    }

    private sealed class Row
    {
        public long Number { get; set; }

        public string DoneAt { get; set; } = "";

        public string ScoreJson { get; set; } = "";

        public AttemptFigures Figures()
        {
            var score = JsonSerializer.Deserialize<ExerciseScore>(ScoreJson, JsonSerializerOptions.Web)!;
            return new AttemptFigures((int)Number, DoneAt, score.KeySpans, score.YourSpans, score.SpanF1Exact, score.SpanF1Overlap,
                score.Disagreements, score.Labels.Count, score.Labels.Count(l => l.Agrees));
        }
    }
}
