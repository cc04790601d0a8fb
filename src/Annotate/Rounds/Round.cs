namespace Annotate.Rounds;

/// <summary>The kinds of norming round, in their usual order, and what each does to the project.</summary>
public static class RoundKinds
{
    public const string Blind = "blind";
    public const string Reveal = "reveal";
    public const string Discuss = "discuss";
    public const string Revise = "revise";

    public static readonly string[] All = [Blind, Reveal, Discuss, Revise];

    /// <summary>What a frozen page says, on the server's refusals and on the students' pages alike.</summary>
    public const string FrozenMessage = "Editing is frozen while the class discusses. Your work so far is saved; you can edit again when the teacher opens a revise round.";

    /// <summary>Only a discussion freezes: the figures on the projector stay put while the class talks about them.</summary>
    public static bool Freezes(string kind) => kind == Discuss;

    /// <summary>
    /// The visibility mode a round puts the project in: a blind round hides others' work; the later rounds show it
    /// (reveal, unless the project is already open, which stays open).
    /// </summary>
    public static string VisibilityFor(string kind, string current) =>
        kind == Blind ? Projects.Visibility.Blind : current == Projects.Visibility.Blind ? Projects.Visibility.Reveal : current;

    public static string Title(string kind) => kind switch
    {
        Blind => "Blind",
        Reveal => "Reveal",
        Discuss => "Discuss",
        _ => "Revise",
    };
}

/// <summary>A norming round of a project; <see cref="EndedAt"/> is null while it is open.</summary>
/// <param name="Frozen">Whether annotators' editing is refused while this round is open (a discuss round).</param>
/// <param name="Measures">The agreement when the round ended (null while open, and for callers who may not see agreement).</param>
public sealed record Round(string Id, int Number, string Name, string Kind, string StartedAt, string? EndedAt, bool Frozen, RoundMeasures? Measures);

/// <summary>The headline figures of a round's snapshot, per codebook layer (the whole report is at …/rounds/{id}/agreement).</summary>
public sealed record RoundMeasures(long Revision, int Annotators, IReadOnlyList<RoundLayerMeasures> Layers);

/// <summary>One layer's figures: token alpha, span F1 (overlap) and unitizing alpha for a span layer; Krippendorff's alpha for document labels.</summary>
public sealed record RoundLayerMeasures(string Layer, string Name, string Scope, double? TokenAlpha, double? SpanF1Overlap, double? AlphaU, double? Alpha);

/// <summary>A project's rounds, oldest first, and whether editing is frozen now.</summary>
/// <param name="MayManage">Whether the caller may start and end rounds (the project's owners).</param>
public sealed record RoundsOverview(string ProjectId, bool Frozen, string? FrozenMessage, Round? Current, IReadOnlyList<Round> Rounds, bool MayManage);

/// <summary>Starts a round (ending the open one, whose agreement is kept). Kind: blind, reveal, discuss or revise; the name defaults to the kind and its number.</summary>
public sealed record RoundStart(string? Kind, string? Name);

/// <summary>Whether annotators may edit in a project now; pushed to its pages as EditingChanged when a round starts or ends.</summary>
public sealed record EditingState(string ProjectId, bool Frozen, string? Message, string? RoundName, string? RoundKind);
