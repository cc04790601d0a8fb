namespace Annotate.Curation;

/// <summary>
/// The gold layer: curators' adjudicated annotations, stored as those of a reserved annotator so they are
/// versioned, sequenced and pushed live like anyone's, and left out wherever annotators are compared or counted.
/// Who is a person is said once per language: in SQL by the views <c>HumanAnnotations</c> and <c>HumanUsers</c>
/// (migration 0014), which every query that lists, counts or compares annotators reads; in memory by <see cref="Is"/>.
/// Nothing else compares an annotator id with "gold".
/// </summary>
public static class GoldLayer
{
    /// <summary>The reserved user id the gold annotations are written under (created by migration 0012).</summary>
    public const string AnnotatorId = "gold";

    public const string Name = "Gold standard";

    /// <summary>Whether an annotation row (or a key of a format) is the gold layer's rather than a person's.</summary>
    public static bool Is(string annotatorId) => annotatorId == AnnotatorId;
}

/// <summary>How a gold annotation came about.</summary>
public static class CurationActions
{
    /// <summary>One annotator's annotation taken as it is.</summary>
    public const string Accepted = "accepted";

    /// <summary>Taken from several annotators' annotations (their stretch joined, or a label chosen among them).</summary>
    public const string Merged = "merged";

    /// <summary>Taken from annotators' work, then changed by the curator.</summary>
    public const string Edited = "edited";

    /// <summary>Written by the curator with no annotator's annotation behind it.</summary>
    public const string Created = "created";

    /// <summary>A stretch decided to have no gold annotation (the annotators' spans there were rejected).</summary>
    public const string Rejected = "rejected";

    /// <summary>What a curator may send for a gold span or label (a rejection's action is always <see cref="Rejected"/>).</summary>
    public static readonly string[] ForGold = [Accepted, Merged, Edited, Created];
}

/// <summary>Where a gold annotation came from: who curated it, how, and from which annotators' annotations.</summary>
public sealed record Provenance(string Action, string CuratorId, string CuratorName, IReadOnlyList<ProvenanceSource> Sources);

/// <summary>An annotator's annotation behind a gold one, as it was when the curator took it.</summary>
public sealed record ProvenanceSource(string Id, string AnnotatorId, string AnnotatorName, string Label, int? Start, int? End);
