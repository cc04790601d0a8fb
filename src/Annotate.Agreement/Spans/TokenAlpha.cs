namespace Annotate.Agreement.Spans;

/// <summary>A token of a document: [<paramref name="Start"/>, <paramref name="End"/>) on the same continuum as the spans.</summary>
public sealed record Token(string Document, int Start, int End);

public static class TokenAgreement
{
    /// <summary>The value a token gets from a coder who marked none of it.</summary>
    public const string None = "none";

    /// <summary>
    /// Token-level Krippendorff's alpha (nominal): every token is a unit, and each coder who marked anything in the
    /// token's document gives it a value — the labels of that coder's spans covering any part of it, sorted and
    /// joined with '+' (so stacked labels make their own category instead of being dropped), or "none".
    /// With <paramref name="label"/>, the value is just whether that label covers the token ("yes"/"no").
    /// </summary>
    public static AlphaResult Alpha(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Token> tokens, string? label = null) =>
        TokenRatings.Build(spans, tokens, codersByDocument: null, label).Alpha();
}
