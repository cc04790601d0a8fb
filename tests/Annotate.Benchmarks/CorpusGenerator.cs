using System.Globalization;
using System.Text;

namespace Annotate.Benchmarks;

/// <summary>
/// Writes a deterministic synthetic corpus: the same seed and count always give byte-identical files. Articles are
/// about 5 KB of Markdown with YAML front matter, spread over 20 collection folders, with headings, emphasis, links,
/// lists, block quotes and some Greek, accented names and emoji, plus a minimal codebook.yaml at the root.
/// </summary>
internal static class CorpusGenerator
{
    public const int Seed = 20260314;
    public const int TargetBytes = 5_000;

    public const string Codebook = """
        name: Benchmark codebook
        layers:
          - id: frame
            name: Frame
            scope: span
            labels:
              - id: conflict
                name: Conflict
                key: c
                color: "#c0392b"
                definition: A conflict frame.

        """;

    private static readonly string[] Outlets =
    [
        "Northern Ledger", "Harbour Tribune", "Valley Courier", "Coastal Herald", "Capital Wire", "Mountain Post",
        "River Gazette", "Evening Standard of Dalmor", "Varenia Voice", "Aldmere Broadcasting", "Morning Dispatch",
        "Border Chronicle", "Daily Sentinel", "Free Press of Čelmar", "Weekly Review", "Market Observer",
        "Hellenic Monitor", "Island Times", "Plains Reporter", "Union Bulletin",
    ];

    private static readonly string[] Authors =
    [
        "Lise Varga", "Anton Brask", "Tomas Ebner", "Marta Lindell", "Jörgen Ålund", "Ružena Halvik", "Aurel Ševčan",
        "Eleni Papadopoulou", "Nikos Georgiou", "Sofia Merrin", "Gideon Tull", "Beatrix Anholt", "Joris Thaleman",
        "Callum Reith", "Mirela Danek", "Viktor Saalen",
    ];

    private static readonly string[] Sections = ["Politics", "Economy", "World", "Opinion", "Regions", "Transport", "Society"];

    private static readonly string[] Tags =
    [
        "trade", "border", "protest", "talks", "permits", "transport", "economy", "police", "mediation", "workers",
        "customs", "freight", "elections", "courts", "energy", "weather",
    ];

    private static readonly string[] Words =
    [
        "the", "government", "said", "on", "road", "border", "closure", "talks", "minister", "residents", "police",
        "convoy", "lorries", "trade", "permits", "workers", "officials", "agreement", "pass", "checkpoint", "camp",
        "mediators", "federation", "would", "could", "after", "before", "during", "week", "month", "statement",
        "spokesperson", "negotiations", "commission", "review", "families", "drivers", "freight", "queue", "escort",
        "protesters", "assembly", "economy", "prices", "markets", "exporters", "farmers", "season", "winter",
        "mountain", "valley", "village", "capital", "parliament", "opposition", "president", "decision", "court",
        "appeal", "order", "residency", "compensation", "vigil", "lane", "tents", "tractors", "monitors", "report",
        "described", "warned", "announced", "rejected", "welcomed", "criticised", "promised", "expected", "continued",
        "a", "an", "and", "of", "to", "in", "for", "with", "by", "from", "at", "as", "that", "which", "while",
        "about", "over", "under", "between", "into", "against", "new", "local", "national", "regional", "first",
        "last", "early", "late", "several", "many", "few", "two", "three", "dozens", "hundreds",
    ];

    private static readonly string[] Places = ["Čelmar", "Hadrick Gate", "Hålsund", "Žirovec", "Lågvik", "Rensfeld", "Sarn Pass"];

    private static readonly string[] Greek =
    [
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για τα σύνορα.",
        "Οι κάτοικοι της περιοχής συγκεντρώθηκαν στην πλατεία το πρωί.",
        "Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.",
        "Τα φορτηγά περίμεναν για ώρες στο σημείο ελέγχου.",
        "Η αντιπολίτευση ζήτησε εξηγήσεις από την κυβέρνηση.",
    ];

    private static readonly string[] Emoji = ["🚚", "📰", "🌍", "✅", "⚠️", "🏔️", "🤝"];

    /// <summary>The 20 collection folder names.</summary>
    public static IReadOnlyList<string> Collections { get; } =
        Outlets.Select((o, i) => FormattableString.Invariant($"{i + 1:00}-{Slug(o)}")).ToList();

    /// <summary>Writes <paramref name="count"/> articles and the codebook into <paramref name="root"/>; returns the bytes written.</summary>
    public static long Write(string root, int count)
    {
        Directory.CreateDirectory(root);
        foreach (var collection in Collections)
        {
            Directory.CreateDirectory(Path.Combine(root, collection));
        }

        File.WriteAllText(Path.Combine(root, "codebook.yaml"), Codebook, new UTF8Encoding(false));
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var (relativePath, text) = Article(i);
            var data = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(root, relativePath), data);
            bytes += data.Length;
        }

        return bytes;
    }

    /// <summary>Article <paramref name="index"/>: each article has its own seeded generator, so any one can be regenerated alone.</summary>
    public static (string RelativePath, string Text) Article(int index)
    {
        var random = new Random(Seed + index);
        var collection = Collections[index % Collections.Count];
        var outlet = Outlets[index % Outlets.Length];
        var date = DateOf(random);
        var title = Title(random);
        var greek = random.Next(10) == 0;
        var text = new StringBuilder(TargetBytes + 1024);
        text.Append("---\n");
        text.Append("title: \"").Append(title).Append("\"\n");
        text.Append("outlet: ").Append(outlet).Append('\n');
        text.Append("author: ").Append(Pick(random, Authors)).Append('\n');
        text.Append("date: ").Append(date).Append('\n');
        text.Append("language: ").Append(greek ? "el" : "en").Append('\n');
        text.Append("tags: [").AppendJoin(", ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(random, Tags)).Distinct()).Append("]\n");
        text.Append("section: ").Append(Pick(random, Sections)).Append('\n');
        text.Append("---\n\n");
        text.Append("# ").Append(title).Append("\n\n");

        var target = TargetBytes - 1_000 + random.Next(2_000);
        var part = 0;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < target)
        {
            switch (part++ % 6)
            {
                case 0 or 3:
                    Paragraph(random, text, greek, sentences: random.Next(3, 6));
                    break;
                case 1:
                    text.Append("## ").Append(Sentence(random, 3, 7).TrimEnd('.')).Append("\n\n");
                    Paragraph(random, text, greek, sentences: random.Next(2, 5));
                    break;
                case 2:
                    List(random, text, ordered: random.Next(2) == 0);
                    break;
                case 4:
                    text.Append("> \"").Append(Sentence(random, 10, 20)).Append("\" said ").Append(Pick(random, Authors))
                        .Append(" in ").Append(Pick(random, Places)).Append(".\n>\n> ").Append(Sentence(random, 6, 14)).Append("\n\n");
                    break;
                default:
                    Paragraph(random, text, greek: true, sentences: random.Next(2, 4));
                    break;
            }
        }

        text.Append("*(Reporting by ").Append(Pick(random, Authors)).Append("; editing by ").Append(Pick(random, Authors)).Append(")*\n");
        return ($"{collection}/{date}-{Slug(title)}-{index:00000}.md", text.ToString());
    }

    private static string DateOf(Random random) =>
        new DateOnly(2024, 1, 1).AddDays(random.Next(730)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Title(Random random)
    {
        var title = Sentence(random, 5, 10).TrimEnd('.');
        return $"{title} in {Pick(random, Places)}";
    }

    private static void Paragraph(Random random, StringBuilder text, bool greek, int sentences)
    {
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                text.Append(' ');
            }

            if (greek && random.Next(3) == 0)
            {
                text.Append(Pick(random, Greek));
                continue;
            }

            var words = random.Next(8, 19);
            for (var w = 0; w < words; w++)
            {
                var word = w == 0 ? Capitalise(Pick(random, Words)) : Pick(random, Words);
                text.Append(w == 0 ? "" : " ");
                switch (random.Next(40))
                {
                    case 0:
                        text.Append('*').Append(word).Append('*');
                        break;
                    case 1:
                        text.Append("**").Append(word).Append("**");
                        break;
                    case 2:
                        text.Append('[').Append(word).Append(' ').Append(Pick(random, Words)).Append("](https://example.org/news/")
                            .Append(random.Next(100_000).ToString(CultureInfo.InvariantCulture)).Append(')');
                        break;
                    case 3:
                        text.Append(Pick(random, Places)).Append(' ').Append(word);
                        break;
                    case 4:
                        text.Append(word).Append(' ').Append(Pick(random, Emoji));
                        break;
                    default:
                        text.Append(word);
                        break;
                }
            }

            text.Append('.');
        }

        text.Append("\n\n");
    }

    private static void List(Random random, StringBuilder text, bool ordered)
    {
        var items = random.Next(3, 6);
        for (var i = 0; i < items; i++)
        {
            text.Append(ordered ? FormattableString.Invariant($"{i + 1}. ") : "- ").Append(Sentence(random, 4, 12)).Append('\n');
        }

        text.Append('\n');
    }

    private static string Sentence(Random random, int min, int max)
    {
        var words = Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pick(random, Words)).ToList();
        words[0] = Capitalise(words[0]);
        return string.Join(' ', words) + ".";
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c == ' ' && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > 60 ? result[..60].TrimEnd('-') : result;
    }
}
