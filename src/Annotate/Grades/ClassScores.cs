using Annotate.Classroom;
using Annotate.Curation;
using Annotate.Data;
using Annotate.Exercises;
using Annotate.Projects;
using Dapper;

namespace Annotate.Grades;

/// <summary>One student's score against the key on one document.</summary>
internal sealed record DocumentScore(string UserId, string DocumentId, int KeySpans, int YourSpans, double? SpanF1Exact, double? SpanF1Overlap);

/// <summary>Every student's scores now against <paramref name="Key"/>; <paramref name="Note"/> says why there are none.</summary>
internal sealed record ClassScoring(string Key, string? Note, IReadOnlyList<DocumentScore> Scores);

/// <summary>
/// Scores the whole class against the exercise key with <see cref="ExerciseScoring"/> (the figures a student sees
/// after Done). A student is scored on each of their documents (the assigned ones when the project spreads them)
/// that the key has annotated and that they worked on (annotated, or marked Done); an untouched document shows in
/// "done of assigned" instead. The key is scored whatever the exercise mode: the mode decides what students see.
/// </summary>
internal sealed class ClassScores(Db db, ExerciseStore exercises, ProjectMembers members, StudentWork work)
{
    public async Task<ClassScoring> NowAsync(string projectId, CancellationToken cancellationToken)
    {
        var key = (await exercises.GetAsync(projectId, cancellationToken)).Key;
        if (key != GoldLayer.AnnotatorId && (await members.RoleAsync(projectId, key, cancellationToken)) is null)
            return new ClassScoring(key, "The member whose work was the exercise key has left the project, so there is no key to score against: choose another key.", []);

        var byDocument = (await LiveAsync(projectId, key, cancellationToken)).ToLookup(a => a.DocumentId, StringComparer.Ordinal);
        var keyed = byDocument.Where(d => d.Any(a => a.AnnotatorId == key)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        if (keyed.Count == 0)
        {
            return new ClassScoring(key, key == GoldLayer.AnnotatorId
                ? "The gold layer is empty, so there is no key to score against: write the key in Curate, or choose a member's work as the key."
                : "The member whose work is the key has annotated nothing yet, so there is nothing to score against.", []);
        }

        var settings = new ExerciseSettings(ExerciseModes.Score, key);
        var scores = new List<DocumentScore>();
        foreach (var (student, documents) in await work.OfClassAsync(projectId, cancellationToken))
        {
            if (student == key)
                continue;
            foreach (var document in documents.Where(d => keyed.Contains(d.DocumentId) && (d.Done || d.Annotations > 0)))
            {
                var both = byDocument[document.DocumentId].Where(a => a.AnnotatorId == student || a.AnnotatorId == key).ToList();
                var score = ExerciseScoring.Score(document.DocumentId, settings, student, both);
                scores.Add(new DocumentScore(student, document.DocumentId, score.KeySpans, score.YourSpans, score.SpanF1Exact, score.SpanF1Overlap));
            }
        }

        return new ClassScoring(key, null, scores);
    }

    /// <summary>
    /// The project's live spans and document labels of its students and the key, taken as the exercise score takes
    /// them (no orphans, none on an older text), in its order (overlap matching is greedy, so order matters).
    /// </summary>
    private async Task<IReadOnlyList<KeyedAnnotation>> LiveAsync(string projectId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<KeyedAnnotation>(new CommandDefinition("""
            SELECT a.DocumentId, a.AnnotatorId, a.Kind, a.Layer, a.Label, a.StartOffset, a.EndOffset FROM Annotations a
            JOIN Documents d ON d.Id = a.DocumentId AND d.CurrentVersion = a.DocumentVersion
            WHERE d.ProjectId = @ProjectId AND d.IsMissing = 0 AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND a.Kind IN ('span', 'document')
              AND (a.AnnotatorId = @Key OR a.AnnotatorId IN (SELECT m.UserId FROM ProjectMembers m WHERE m.ProjectId = @ProjectId AND m.Role = 'annotator'))
            ORDER BY a.DocumentId, a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;
            """, new { ProjectId = projectId, Key = key }, cancellationToken: cancellationToken))];
    }
}
