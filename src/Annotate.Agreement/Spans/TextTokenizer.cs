using System.Globalization;
using System.Text;

namespace Annotate.Agreement.Spans;

/// <summary>
/// Splits a text into tokens for token-level agreement: a word is a run of letters, digits, combining marks and
/// connector punctuation (an apostrophe or hyphen between two letters stays inside it: "don't", "e-mail"); every
/// other visible character (punctuation, symbol, emoji) is a token of its own; white space separates. Offsets are
/// UTF-16, like annotation offsets, and never split a surrogate pair.
/// </summary>
public static class TextTokenizer
{
    public static List<Token> Tokenize(string document, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var wordStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var width = rune.Utf16SequenceLength;
            if (IsWordPart(rune) || (wordStart >= 0 && IsJoiner(rune) && i + width < text.Length && IsWordPart(Rune.GetRuneAt(text, i + width))))
            {
                if (wordStart < 0)
                    wordStart = i;
            }
            else
            {
                if (wordStart >= 0)
                {
                    tokens.Add(new Token(document, wordStart, i));
                    wordStart = -1;
                }

                if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune))
                    tokens.Add(new Token(document, i, i + width));
            }

            i += width;
        }

        if (wordStart >= 0)
            tokens.Add(new Token(document, wordStart, text.Length));
        return tokens;
    }

    private static bool IsWordPart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    private static bool IsJoiner(Rune rune) => rune.Value is '\'' or '\u2019' or '-' or '\u2010';
}
