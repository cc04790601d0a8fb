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
    public static AlphaResult Alpha(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Token> tokens, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(tokens);
        var ratings = new List<(string Unit, string Coder, string Value)>();
        var byDocument = spans.GroupBy(s => s.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (!byDocument.TryGetValue(token.Document, out var documentSpans))
            {
                continue; // nobody annotated this document: its tokens carry no ratings
            }

            var unit = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{token.Document}\u0000{t}");
            foreach (var coder in documentSpans.Select(s => s.Coder).Distinct(StringComparer.Ordinal))
            {
                var covering = documentSpans.Where(s => s.Coder == coder && s.Start < token.End && token.Start < s.End).Select(s => s.Label);
                var value = label is null
                    ? string.Join('+', covering.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) is { Length: > 0 } joined ? joined : None
                    : covering.Contains(label, StringComparer.Ordinal) ? "yes" : "no";
                ratings.Add((unit, coder, value));
            }
        }

        return CodingAgreement.KrippendorffAlpha(RatingTable.FromNominal(ratings));
    }
}
