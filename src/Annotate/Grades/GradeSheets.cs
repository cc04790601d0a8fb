using Annotate.Classroom;
using Annotate.Projects;
using Annotate.Rounds;

namespace Annotate.Grades;

/// <summary>Builds a project's grade sheet from the class's work, active time, kept round scores and the scores now.</summary>
internal sealed class GradeSheets(ProjectMembers members, StudentWork work, ActiveTime activeTime, RoundStore rounds, RoundScores kept, ClassScores scores)
{
    public const string NoScoresKept = "Ended before the grade sheet kept scores, so it has none.";

    public async Task<GradeSheet> BuildAsync(string projectId, bool anonymous, CancellationToken cancellationToken)
    {
        var everyone = await members.ListAsync(projectId, cancellationToken);
        var documents = await work.OfClassAsync(projectId, cancellationToken);
        var time = await activeTime.PerPersonAsync(projectId, cancellationToken);
        var keptRounds = await kept.OfProjectAsync(projectId, cancellationToken);
        var now = await scores.NowAsync(projectId, cancellationToken);
        var ended = (await rounds.ListAsync(projectId, cancellationToken)).Where(r => r.EndedAt is not null).Select(r =>
        {
            var round = keptRounds.GetValueOrDefault(r.Id);
            return new GradeRound(r.Id, (int)r.Number, r.Name, r.Kind, r.EndedAt, round is { Note: null }, round is null ? NoScoresKept : round.Note);
        }).ToList();

        var numbers = Anonymous.Numbering(everyone);
        // Join order (user ids are time-ordered): the order anonymous numbering follows, so "Student 1" is the first line.
        var students = everyone.Where(m => m.Role == ProjectRoles.Annotator && m.UserId != now.Key).OrderBy(m => m.UserId, StringComparer.Ordinal).Select(m =>
        {
            var theirs = documents.GetValueOrDefault(m.UserId) ?? [];
            var byRound = ended.Select(r => MeanScore.Of(r.Id, keptRounds.TryGetValue(r.Id, out var k) ? k.Scores.Where(s => s.UserId == m.UserId) : [])).ToList();
            return new StudentGrades(m.UserId, anonymous ? numbers(m.UserId) : m.DisplayName, theirs.Count, theirs.Count(d => d.Done),
                time.GetValueOrDefault(m.UserId) / 1000, byRound, MeanScore.Of(null, now.Scores.Where(s => s.UserId == m.UserId)));
        }).ToList();

        List<string> notes = now.Note is null ? [] : [now.Note];
        notes.Add("Scores are mean span F1 against the key over each student's documents that the key has annotated and that they worked on; a past round keeps the figures it ended with.");
        return new GradeSheet(projectId, now.Key, anonymous, ended, students, notes);
    }
}
