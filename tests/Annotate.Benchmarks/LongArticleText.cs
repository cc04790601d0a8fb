using System.Globalization;
using System.Text;

namespace Annotate.Benchmarks;

/// <summary>
/// A deterministic Markdown article of a given number of words: paragraphs with emphasis, headings every dozen
/// paragraphs, lists and block quotes now and then, accented names and emoji (outside the BMP).
/// </summary>
internal static class LongArticleText
{
    public const int Seed = 20260315;
    public const string FileName = "long-article.md";

    private static readonly string[] Words =
    [
        "the", "government", "said", "road", "border", "closure", "talks", "minister", "residents", "police", "convoy",
        "lorries", "trade", "permits", "workers", "officials", "agreement", "pass", "checkpoint", "mediators", "week",
        "statement", "spokesperson", "negotiations", "families", "drivers", "freight", "queue", "protesters", "economy",
        "prices", "exporters", "winter", "mountain", "valley", "village", "parliament", "opposition", "decision",
        "court", "order", "compensation", "vigil", "tractors", "monitors", "report", "warned", "announced", "rejected",
        "welcomed", "criticised", "promised", "a", "and", "of", "to", "in", "for", "with", "by", "from", "at", "as",
        "that", "while", "about", "over", "between", "against", "new", "local", "regional", "first", "several", "many",
    ];

    private static readonly string[] Names = ["Čelmar", "Hadrick Gate", "Hålsund", "Žirovec", "Lågvik", "Rensfeld", "Ružena Halvik", "Jörgen Ålund"];
    private static readonly string[] Emoji = ["🚚", "🏔️", "🤝", "👍🏽", "👨‍👩‍👧", "𝐒𝐚𝐫𝐧"];

    /// <summary>The whole file, front matter included, with at least <paramref name="words"/> words in its body.</summary>
    public static string Generate(int words)
    {
        var random = new Random(Seed);
        var text = new StringBuilder(words * 8);
        text.Append("---\ntitle: \"A very long report on the Sarn Pass closure\"\noutlet: \"Benchmark Gazette\"\n")
            .Append("author: \"Load Test\"\ndate: 2026-03-15\nlanguage: en\ntags: [benchmark]\n---\n\n");
        var count = 0;
        for (var paragraph = 0; count < words; paragraph++)
        {
            if (paragraph % 12 == 0)
            {
                text.Append("## Part ").Append((paragraph / 12) + 1).Append(": ").Append(Sentence(random, 4, 7, ref count).TrimEnd('.')).Append("\n\n");
            }

            if (paragraph % 25 == 24)
            {
                for (var item = 0; item < 4; item++)
                {
                    text.Append("- ").Append(Sentence(random, 6, 14, ref count)).Append('\n');
                }

                text.Append('\n');
            }
            else if (paragraph % 20 == 19)
            {
                text.Append("> ").Append(Sentence(random, 10, 20, ref count)).Append(' ').Append(Sentence(random, 10, 20, ref count)).Append("\n\n");
            }
            else
            {
                var sentences = random.Next(4, 8);
                for (var s = 0; s < sentences; s++)
                {
                    text.Append(s > 0 ? " " : "").Append(Sentence(random, 10, 24, ref count));
                }

                text.Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string Sentence(Random random, int min, int max, ref int count)
    {
        var length = random.Next(min, max + 1);
        var sentence = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var word = random.Next(40) switch
            {
                0 => Names[random.Next(Names.Length)],
                1 => $"*{Words[random.Next(Words.Length)]}*",
                2 when i > 0 => Emoji[random.Next(Emoji.Length)],
                3 => random.Next(1, 500).ToString(CultureInfo.InvariantCulture),
                _ => Words[random.Next(Words.Length)],
            };
            sentence.Append(i > 0 ? " " : "").Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            count += word.Count(c => c == ' ') + 1;
        }

        return sentence.Append('.').ToString();
    }
}
