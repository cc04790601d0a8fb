namespace Annotate.Grades;

/// <summary>
/// The teacher's grade sheet: per student, documents done of those assigned, active time, and the mean score
/// against the exercise key at the end of each round and now.
/// </summary>
/// <param name="Key">"gold" (the gold layer) or the user id of the member whose work is the key.</param>
/// <param name="Rounds">The project's ended rounds, oldest first; each student's <see cref="StudentGrades.Rounds"/> follow this order.</param>
/// <param name="Notes">Why figures are blank (no key, an empty gold layer), and how they are computed.</param>
public sealed record GradeSheet(string ProjectId, string Key, bool Anonymous, IReadOnlyList<GradeRound> Rounds, IReadOnlyList<StudentGrades> Students,
    IReadOnlyList<string> Notes);

/// <summary>An ended round as the grade sheet shows it.</summary>
/// <param name="Scored">Whether scores were kept when it ended (false: it ended before grades were kept, or without a key; see the note).</param>
public sealed record GradeRound(string Id, int Number, string Name, string Kind, string? EndedAt, bool Scored, string? Note);

/// <summary>One student's line.</summary>
/// <param name="Name">Their display name, or "Student N" on an anonymised sheet.</param>
/// <param name="Assigned">Their documents: the assigned ones when the project spreads them, else all.</param>
/// <param name="Done">How many of those they marked Done.</param>
/// <param name="ActiveSeconds">Seconds they actively worked in the project's documents (idle excluded).</param>
/// <param name="Rounds">Their mean score at the end of each ended round, in the sheet's round order.</param>
/// <param name="Current">Their mean score now.</param>
public sealed record StudentGrades(string UserId, string Name, int Assigned, int Done, long ActiveSeconds, IReadOnlyList<MeanScore> Rounds, MeanScore Current);

/// <summary>
/// A student's mean span F1 against the key over the documents scored: overlap and exact matching (null when no
/// document was scored, or F1 was undefined on all of them: neither side marked a span).
/// </summary>
/// <param name="RoundId">The round, or null for now.</param>
/// <param name="Documents">How many of their documents were scored (the key covers them and they worked on them).</param>
public sealed record MeanScore(string? RoundId, int Documents, double? SpanF1Overlap, double? SpanF1Exact)
{
    internal static MeanScore Of(string? roundId, IEnumerable<DocumentScore> scores)
    {
        var list = scores.ToList();
        return new MeanScore(roundId, list.Count, Mean(list.Select(s => s.SpanF1Overlap)), Mean(list.Select(s => s.SpanF1Exact)));
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.OfType<double>().ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
