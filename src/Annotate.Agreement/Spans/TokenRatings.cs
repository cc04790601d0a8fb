using System.Runtime.InteropServices;

namespace Annotate.Agreement.Spans;

/// <summary>
/// The value every coder gives every token (see <see cref="TokenAgreement.Alpha"/>), built once so that alpha can be
/// computed for the whole set of coders and again for any subset (a pair, a perspective group) without re-reading
/// the spans. Building is a sweep: each span touches only the tokens it covers (binary search for the first).
/// Memory is one int per coder per token of the documents that coder rated.
/// </summary>
public sealed class TokenRatings
{
    private const int Missing = -1;
    private readonly string[] values;
    private readonly string[][] labelsOfValue;
    private readonly Dictionary<string, int[]> codes;
    private readonly int[]? map;

    private TokenRatings(int units, string[] values, string[][] labelsOfValue, Dictionary<string, int[]> codes, int[]? map = null)
    {
        UnitCount = units;
        this.values = values;
        this.labelsOfValue = labelsOfValue;
        this.codes = codes;
        this.map = map;
        Coders = [.. codes.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every coder who rated some token.</summary>
    public IReadOnlyList<string> Coders { get; }

    /// <summary>The number of tokens (units) over all documents that have coders.</summary>
    public int UnitCount { get; }

    /// <summary>
    /// Builds the ratings. The coders of a document are <paramref name="codersByDocument"/>'s entry for it when
    /// given (someone who read a document and marked nothing gives every token "none"), else those with a span there.
    /// Tokens of a document must not overlap each other.
    /// </summary>
    public static TokenRatings Build(IReadOnlyList<LabelledSpan> spans, IReadOnlyList<Token> tokens,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? codersByDocument = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(tokens);
        var spansByDocument = spans.GroupBy(s => s.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var documents = IndexByDocument(tokens);
        var units = documents.Sum(d => d.Value.Count);
        var valueIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var none = Intern(valueIds, label is null ? TokenAgreement.None : "no");
        var labelSets = new List<string[]> { Array.Empty<string>() };
        var codes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var unitBase = 0;
        // Reused for every coder: a report builds ratings for every layer of every document.
        var events = new List<(int Token, int Delta, string Label)>();
        var active = new ActiveLabels();
        foreach (var document in documents)
        {
            var documentSpans = spansByDocument.GetValueOrDefault(document.Key) ?? [];
            IEnumerable<string> coders = codersByDocument is not null && codersByDocument.TryGetValue(document.Key, out var listed)
                ? listed
                : documentSpans.Select(s => s.Coder).Distinct(StringComparer.Ordinal);
            // A span over the tokens, not the list: the binary searches below call no interface per step.
            ReadOnlySpan<Token> documentTokens = document.Value switch
            {
                List<Token> list => CollectionsMarshal.AsSpan(list),
                Token[] array => array,
                var other => [.. other],
            };
            foreach (var coder in coders)
            {
                if (!codes.TryGetValue(coder, out var code))
                {
                    codes.Add(coder, code = new int[units]);
                    Array.Fill(code, Missing);
                }

                // A sweep over the tokens: each span adds its label where its first token begins and removes it
                // after its last, so a value is formed only where the set of covering labels changes.
                events.Clear();
                foreach (var span in documentSpans)
                {
                    if (span.Coder != coder || (label is not null && span.Label != label))
                        continue;
                    var first = FirstEndingAfter(documentTokens, span.Start);
                    var end = FirstStartingAtOrAfter(documentTokens, span.End);
                    if (first < end)
                    {
                        events.Add((first, 1, span.Label));
                        events.Add((end, -1, span.Label));
                    }
                }

                events.Sort(static (a, b) => a.Token.CompareTo(b.Token));
                active.Clear();
                var current = none;
                var next = 0;
                for (var t = 0; t < documentTokens.Length; t++)
                {
                    if (next < events.Count && events[next].Token == t)
                    {
                        for (; next < events.Count && events[next].Token == t; next++)
                            active.Add(events[next].Label, events[next].Delta);

                        current = active.Count == 0 ? none : Intern(valueIds, label is null ? active.Joined() : "yes");
                        if (labelSets.Count <= current)
                            labelSets.Add(active.Labels());
                    }

                    code[unitBase + t] = current;
                }
            }

            unitBase += documentTokens.Length;
        }

        var names = new string[valueIds.Count];
        foreach (var (value, id) in valueIds)
            names[id] = value;
        return new TokenRatings(units, names, [.. labelSets], codes);
    }

    /// <summary>
    /// The ratings for one label: "yes" where a coder's labels include it, else "no" — the same as building with
    /// that label, but derived from these codes in one pass instead of re-reading the spans.
    /// </summary>
    public TokenRatings ForLabel(string label)
    {
        // A view over the same codes: each value maps to 0 ("no") or 1 ("yes"); nothing is copied.
        var yes = labelsOfValue.Select(set => set.Contains(label, StringComparer.Ordinal) ? 1 : 0).ToArray();
        var mapped = map is null ? yes : map.Select(v => yes[v]).ToArray();
        return new TokenRatings(UnitCount, ["no", "yes"], [[], [label]], codes, mapped);
    }

    /// <summary>Krippendorff's alpha (nominal) over all coders, or over <paramref name="coders"/> only.</summary>
    public AlphaResult Alpha(IReadOnlyCollection<string>? coders = null) => CodingAgreement.KrippendorffAlpha(Coincidences(coders));

    /// <summary>The coincidence matrix over all coders, or over <paramref name="coders"/> only (to sum over documents).</summary>
    public CoincidenceMatrix Coincidences(IReadOnlyCollection<string>? coders = null) =>
        CoincidenceMatrix.FromCodes(values, Selected(coders).Select(c => codes[c]).ToArray(), UnitCount, map);

    /// <summary>
    /// The coincidences of every pair of <paramref name="coders"/> (keyed in the order given), all in one pass over
    /// the tokens: the same matrices as <see cref="Coincidences"/> of each pair. With two values per unit every
    /// cell is a whole number, so counting gives them exactly.
    /// </summary>
    public IReadOnlyDictionary<(string, string), CoincidenceMatrix> PairCoincidences(IReadOnlyList<string> coders)
    {
        var counts = PairCounts(coders);
        var result = new Dictionary<(string, string), CoincidenceMatrix>(counts.PairCount);
        for (var p = 0; p < counts.PairCount; p++)
            result[counts.PairAt(p)] = counts.Matrix(p);
        return result;
    }

    /// <summary>
    /// <see cref="PairCoincidences"/> as whole-number counts over this ratings' values, without a matrix per pair:
    /// for sums over documents that add counts (a report adds every pair of every layer of every document).
    /// </summary>
    public PairCoincidenceCounts PairCounts(IReadOnlyList<string> coders)
    {
        ArgumentNullException.ThrowIfNull(coders);
        var k = values.Length;
        var rated = coders.Select(c => codes.GetValueOrDefault(c)).ToArray();
        var pairs = new List<(int A, int B)>();
        for (var i = 0; i < rated.Length; i++)
            for (var j = i + 1; j < rated.Length; j++)
                if (rated[i] is not null && rated[j] is not null)
                    pairs.Add((i, j));
        var counts = new int[pairs.Count * k * k]; // a document's counts fit an int; the sums add them as longs
        var used = new bool[pairs.Count * k];
        var pairable = new int[pairs.Count];
        // Pair by pair, each a pass over two coders' codes side by side: the counts are whole numbers, so the order
        // they are taken in changes nothing, and sequential reads of two arrays beat a jump between pairs per token.
        for (var p = 0; p < pairs.Count; p++)
        {
            var (first, second) = (rated[pairs[p].A]!, rated[pairs[p].B]!);
            var (usedAt, countsAt) = (p * k, p * k * k);
            var pairableUnits = 0;
            for (var u = 0; u < UnitCount; u++)
            {
                int x = first[u], y = second[u];
                if (x != Missing)
                    used[usedAt + (x = map is null ? x : map[x])] = true;
                if (y != Missing)
                    used[usedAt + (y = map is null ? y : map[y])] = true;
                if (x == Missing || y == Missing)
                    continue;
                pairableUnits++;
                counts[countsAt + (x * k) + y]++;
                counts[countsAt + (y * k) + x]++;
            }

            pairable[p] = pairableUnits;
        }

        return new PairCoincidenceCounts(values, [.. pairs.Select(p => (coders[p.A], coders[p.B]))], counts, used, pairable);
    }

    /// <summary>
    /// For each of <paramref name="labels"/>, the coincidences of "this label or not" over all coders, all in one
    /// pass over the tokens: the same matrices, to the last bit, as <see cref="ForLabel"/>'s
    /// <see cref="Coincidences"/> (each cell receives the same terms in the same order).
    /// </summary>
    public IReadOnlyDictionary<string, CoincidenceMatrix> LabelCoincidences(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        const int No = 0, Yes = 1;
        var all = Selected(null).Select(c => codes[c]).ToArray();
        // Which labels each (mapped) value holds, as label indices: a token's value holds one label or none mostly.
        var holds = labelsOfValue.Select(set => Enumerable.Range(0, labels.Count).Where(l => set.Contains(labels[l], StringComparer.Ordinal)).ToArray()).ToArray();
        var labelCount = labels.Count;
        var cells = new double[labelCount * 4];
        var used = new bool[labelCount * 2];
        var yes = new int[labelCount];
        // Each label's terms for the current run of tokens (NN, YY, NY, YN) and which of them apply: neighbouring
        // tokens mostly carry the same codes from every coder, so the terms are formed when the codes change and
        // only added for each token (the same additions, in the same order, as forming them every time).
        var terms = new double[labelCount * 4];
        var kinds = new int[labelCount];
        var previous = new int[all.Length];
        const int HasNo = 1, HasYes = 2;
        var m = 0;
        var pairable = 0;
        for (var u = 0; u < UnitCount; u++)
        {
            var same = u > 0;
            for (var i = 0; same && i < all.Length; i++)
                same = all[i][u] == previous[i];
            if (!same)
            {
                Array.Clear(yes);
                m = 0;
                for (var i = 0; i < all.Length; i++)
                {
                    var code = previous[i] = all[i][u];
                    if (code == Missing)
                        continue;
                    m++;
                    foreach (var l in holds[map is null ? code : map[code]])
                        yes[l]++;
                }

                var weight = m < 2 ? 0 : 1.0 / (m - 1);
                for (var l = 0; l < labelCount; l++)
                {
                    // As CoincidenceMatrix.AddUnit forms each term: count × (count − 1) × weight, count × other count × weight.
                    int a = yes[l], b = m - a;
                    if (a > 0)
                        used[(l * 2) + Yes] = true;
                    if (b > 0)
                        used[(l * 2) + No] = true;
                    kinds[l] = (b > 0 ? HasNo : 0) | (a > 0 ? HasYes : 0);
                    terms[(l * 4) + 0] = (double)b * (b - 1) * weight;
                    terms[(l * 4) + 1] = (double)a * (a - 1) * weight;
                    terms[(l * 4) + 2] = (double)b * a * weight;
                    terms[(l * 4) + 3] = (double)a * b * weight;
                }
            }

            if (m < 2)
                continue;
            pairable++;
            for (var l = 0; l < labelCount; l++)
            {
                var (kind, cell, term) = (kinds[l], l * 4, l * 4);
                if ((kind & HasNo) != 0)
                    cells[cell + (No * 2) + No] += terms[term];
                if ((kind & HasYes) != 0)
                    cells[cell + (Yes * 2) + Yes] += terms[term + 1];
                if (kind == (HasNo | HasYes))
                {
                    cells[cell + (No * 2) + Yes] += terms[term + 2];
                    cells[cell + (Yes * 2) + No] += terms[term + 3];
                }
            }
        }

        var result = new Dictionary<string, CoincidenceMatrix>(StringComparer.Ordinal);
        for (var l = 0; l < labels.Count; l++)
        {
            bool usedNo = used[(l * 2) + No], usedYes = used[(l * 2) + Yes];
            int[] order = usedNo && usedYes ? [No, Yes] : usedYes ? [Yes] : usedNo ? [No] : [];
            var matrix = new double[order.Length * order.Length];
            for (var r = 0; r < order.Length; r++)
                for (var c = 0; c < order.Length; c++)
                    matrix[(r * order.Length) + c] = cells[(l * 4) + (order[r] * 2) + order[c]];
            result[labels[l]] = CoincidenceMatrix.FromCells([.. order.Select(v => v == Yes ? "yes" : "no")], matrix, pairable);
        }

        return result;
    }

    /// <summary>Several documents' ratings as one (units laid end to end), e.g. for a bootstrap over a project.</summary>
    public static TokenRatings Concat(IReadOnlyList<TokenRatings> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var valueIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelSets = new List<string[]>();
        var coders = parts.SelectMany(p => p.Coders).Distinct(StringComparer.Ordinal).ToList();
        var units = parts.Sum(p => p.UnitCount);
        var codes = coders.ToDictionary(c => c, _ => Enumerable.Repeat(Missing, units).ToArray(), StringComparer.Ordinal);
        var unitBase = 0;
        foreach (var part in parts)
        {
            // Map the part's (possibly mapped) values onto the combined value ids.
            var partIds = part.values.Select((value, id) =>
            {
                if (!valueIds.TryGetValue(value, out var combined))
                {
                    valueIds.Add(value, combined = valueIds.Count);
                    labelSets.Add(part.labelsOfValue[id]); // indexed like values, mapped or not
                }

                return combined;
            }).ToArray();
            foreach (var (coder, code) in part.codes)
            {
                var target = codes[coder];
                for (var u = 0; u < code.Length; u++)
                {
                    if (code[u] != Missing)
                        target[unitBase + u] = partIds[part.map is null ? code[u] : part.map[code[u]]];
                }
            }

            unitBase += part.UnitCount;
        }

        var names = new string[valueIds.Count];
        foreach (var (value, id) in valueIds)
            names[id] = value;
        return new TokenRatings(units, names, [.. labelSets], codes);
    }

    /// <summary>The ratings as a table (units × coders), for the bootstrap or other coefficients.</summary>
    public RatingTable Table(IReadOnlyCollection<string>? coders = null)
    {
        var selected = Selected(coders);
        var mapped = selected.Select(c => map is null ? codes[c] : Array.ConvertAll(codes[c], v => v == Missing ? Missing : map[v])).ToList();
        return RatingTable.FromCodes(values, selected, mapped, UnitCount);
    }

    private List<string> Selected(IReadOnlyCollection<string>? coders) =>
        (coders ?? Coders).Where(codes.ContainsKey).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Alpha for two coders straight from their codes (one pass over the tokens, no table): equal to
    /// <see cref="Alpha"/> for the pair, and cheap enough for every pair of a class.
    /// </summary>
    public Coefficient PairAlpha(string first, string second)
    {
        if (!codes.TryGetValue(first, out var a) || !codes.TryGetValue(second, out var b))
            return Coefficient.NotDefined("one of the two coders rated no token");
        var marginals = new long[values.Length];
        long disagreements = 0, units = 0;
        for (var u = 0; u < a.Length; u++)
        {
            if (a[u] == Missing || b[u] == Missing)
                continue;
            var (x, y) = map is null ? (a[u], b[u]) : (map[a[u]], map[b[u]]);
            units++;
            marginals[x]++;
            marginals[y]++;
            if (x != y)
                disagreements++;
        }

        if (units < 2)
            return Coefficient.NotDefined("the two coders share fewer than two tokens");
        // Two values per unit: o_ck + o_kc = 2 per disagreeing unit, so D_o = 2·disagreements / n, and
        // D_e = (n² − Σ n_c²) / (n (n − 1)) with n = 2·units.
        double n = 2 * units;
        var sumSquares = marginals.Sum(m => (double)m * m);
        var expected = ((n * n) - sumSquares) / (n * (n - 1));
        return expected == 0 ? Coefficient.NotDefined("no variation: all pairable values are alike")
            : Coefficient.Of(1 - ((2.0 * disagreements / n) / expected));
    }

    // Tokens grouped by document (documents in first-seen order), each group sorted by start.
    private static List<KeyValuePair<string, IReadOnlyList<Token>>> IndexByDocument(IReadOnlyList<Token> tokens)
    {
        if (OneDocumentInOrder(tokens))
        {
            // A document's own tokens, as the tokenizer gives them: nothing to group or sort (the report's case).
            return tokens.Count == 0 ? [] : [new(tokens[0].Document, tokens)];
        }

        var groups = new Dictionary<string, List<Token>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var token in tokens)
        {
            if (!groups.TryGetValue(token.Document, out var list))
            {
                groups.Add(token.Document, list = []);
                order.Add(token.Document);
            }

            list.Add(token);
        }

        foreach (var list in groups.Values)
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return order.Select(d => new KeyValuePair<string, IReadOnlyList<Token>>(d, groups[d])).ToList();
    }

    private static bool OneDocumentInOrder(IReadOnlyList<Token> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Start <= tokens[i - 1].Start || (!ReferenceEquals(tokens[i].Document, tokens[0].Document) && tokens[i].Document != tokens[0].Document))
                return false;
        }

        return true;
    }

    // Non-overlapping tokens sorted by start are sorted by end too: binary search for the first ending after a position.
    private static int FirstEndingAfter(ReadOnlySpan<Token> tokens, int position)
    {
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (tokens[mid].End > position)
                high = mid;
            else
                low = mid + 1;
        }

        return low;
    }

    // The first token starting at or after a position (tokens sorted by start).
    private static int FirstStartingAtOrAfter(ReadOnlySpan<Token> tokens, int position)
    {
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (tokens[mid].Start >= position)
                high = mid;
            else
                low = mid + 1;
        }

        return low;
    }

    private static int Intern(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out var id))
            ids.Add(value, id = ids.Count);
        return id;
    }
}
