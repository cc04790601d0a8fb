namespace Annotate.Corpus;

/// <summary>What the corpus-status page and GET /api/corpus/status show.</summary>
public sealed record CorpusStatusSnapshot(
    string State,
    string Root,
    int Processed,
    int Total,
    int DocumentCount,
    DateTimeOffset? LastLoadedAt,
    double? LastLoadSeconds,
    IReadOnlyList<CorpusProblem> Problems)
{
    public const string Idle = "idle";
    public const string Loading = "loading";
}

/// <summary>The live state of corpus loading, shared by the loader (writer) and the API (readers).</summary>
internal sealed class CorpusStatus
{
    private CorpusStatusSnapshot current = new(CorpusStatusSnapshot.Loading, "", 0, 0, 0, null, null, []);

    public CorpusStatusSnapshot Current => Volatile.Read(ref current);

    public void Update(Func<CorpusStatusSnapshot, CorpusStatusSnapshot> change)
    {
        CorpusStatusSnapshot before, after;
        do
        {
            before = Current;
            after = change(before);
        }
        while (Interlocked.CompareExchange(ref current, after, before) != before);
    }
}
