using Annotate.Curation;
using Annotate.Data;
using Dapper;

namespace Annotate.Exercises;

/// <summary>
/// A project's exercise: <paramref name="Mode"/> is off, score, differ or guided; <paramref name="Key"/> is "gold"
/// (the gold layer) or the user id of the member whose work is the key.
/// </summary>
public sealed record ExerciseSettings(string Mode, string Key);

/// <summary>What may be shown after Done: nothing, the score, the key beside one's work, or the differences to fix.</summary>
public static class ExerciseModes
{
    public const string Off = "off";
    public const string Score = "score";
    public const string Differ = "differ";
    public const string Guided = "guided";

    public static readonly string[] All = [Off, Score, Differ, Guided];
}

/// <summary>Reads and writes the exercise settings kept on the project row.</summary>
internal sealed class ExerciseStore(Db db)
{
    public async Task<ExerciseSettings> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ExerciseSettings>(new CommandDefinition(
            "SELECT ExerciseMode AS Mode, ExerciseKey AS Key FROM Projects WHERE Id = @Id;", new { Id = projectId }, cancellationToken: cancellationToken))
            ?? new ExerciseSettings(ExerciseModes.Off, GoldLayer.AnnotatorId);
    }

    public Task SetAsync(string projectId, ExerciseSettings settings, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("UPDATE Projects SET ExerciseMode = @Mode, ExerciseKey = @Key WHERE Id = @Id;",
            new { Id = projectId, settings.Mode, settings.Key }, t), cancellationToken);

    /// <summary>Whether a blind round is open in the project (the project is then blind too; both are checked).</summary>
    public async Task<bool> BlindRoundOpenAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM Rounds WHERE ProjectId = @Id AND EndedAt IS NULL AND Kind = 'blind';", new { Id = projectId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Whether the person has marked the document Done.</summary>
    public async Task<bool> IsDoneAsync(string projectId, string documentId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM DocumentsDone WHERE ProjectId = @ProjectId AND DocumentId = @DocumentId AND UserId = @UserId;",
            new { ProjectId = projectId, DocumentId = documentId, UserId = userId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// The live spans and document labels of two people (or the gold layer) on a document, taken as the agreement
    /// report takes them: no orphans, none still on an older text, in the report's order (overlap matching is greedy).
    /// </summary>
    public async Task<IReadOnlyList<KeyedAnnotation>> AnnotationsAsync(string documentId, string student, string key, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<KeyedAnnotation>(new CommandDefinition("""
            SELECT a.AnnotatorId, a.Kind, a.Layer, a.Label, a.StartOffset, a.EndOffset FROM Annotations a
            JOIN Documents d ON d.Id = a.DocumentId AND d.CurrentVersion = a.DocumentVersion
            WHERE a.DocumentId = @DocumentId AND a.IsDeleted = 0 AND a.IsOrphan = 0 AND a.Kind IN ('span', 'document')
              AND a.AnnotatorId IN (@Student, @Key)
            ORDER BY a.AnnotatorId, a.StartOffset, a.EndOffset, a.Label;
            """, new { DocumentId = documentId, Student = student, Key = key }, cancellationToken: cancellationToken))];
    }
}

/// <summary>One live annotation as the score needs it (a class with setters: Dapper maps nullable offsets simply).</summary>
internal sealed class KeyedAnnotation
{
    /// <summary>Filled only by queries over several documents (the grade sheet's).</summary>
    public string DocumentId { get; set; } = "";

    public string AnnotatorId { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Layer { get; set; } = "";

    public string Label { get; set; } = "";

    public long? StartOffset { get; set; }

    public long? EndOffset { get; set; }
}
