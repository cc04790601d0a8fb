using Annotate.Agreement;

namespace Annotate.Tests.Agreement;

/// <summary>Published data sets for <see cref="PublishedExamplesTests"/> and the bootstrap tests, each with its source.</summary>
internal static class PublishedData
{
    /// <summary>The five diagnostic categories of Fleiss (1971), in his column order.</summary>
    public static readonly string[] Diagnoses = ["Depression", "Personality disorder", "Schizophrenia", "Neurosis", "Other"];

    /// <summary>
    /// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76(5), 378–382,
    /// Table 1: for each of 30 patients, how many of 6 psychiatrists chose each diagnosis (columns as <see cref="Diagnoses"/>).
    /// Transcribed as in JonasMoss/quadagree data_raw/fleiss1971.csv; the first 15 rows are irrCAC's distrib.6raters.
    /// </summary>
    public static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];

    /// <summary>
    /// Gwet, K. L. (2014). Handbook of Inter-Rater Reliability, 4th ed.: 100 units classified by two abstractors as
    /// Ectopic, AIU or NIU, shipped with irrCAC as cont3x3abstractors (first abstractor in rows).
    /// </summary>
    public static readonly int[,] Abstractors = { { 13, 0, 0 }, { 0, 20, 7 }, { 0, 4, 56 } };

    /// <summary>The categories of <see cref="Abstractors"/>, in table order.</summary>
    public static readonly string[] AbstractorCategories = ["Ectopic", "AIU", "NIU"];

    /// <summary>
    /// Artstein, R. &amp; Poesio, M. (2008). Inter-coder agreement for computational linguistics. Computational Linguistics
    /// 34(4), 555–596, Table 1: 100 utterances, two coders, STAT / IREQ (coder A in rows).
    /// </summary>
    public static readonly int[,] ArtsteinPoesioTable1 = { { 20, 20 }, { 10, 50 } };

    /// <summary>Artstein &amp; Poesio (2008), Table 4: 100 utterances, two coders, STAT / IREQ / CHCK (coder A in rows).</summary>
    public static readonly int[,] ArtsteinPoesioTable4 = { { 46, 0, 0 }, { 6, 32, 6 }, { 0, 0, 10 } };

    /// <summary>
    /// Hayes, A. F. &amp; Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data.
    /// Communication Methods and Measures 1(1), 77–89, Table 1: 40 newspaper articles rated 0–3 by five observers
    /// (null = not rated), as transcribed in jucor/krippendorff data-raw/hayes2007table1.csv. One row per article.
    /// </summary>
    public static readonly double?[][] Hayes2007 =
    [
        [1, 1, 2, null, 2], [1, 1, 0, 1, null], [2, 3, 3, 3, null], [null, 0, 0, null, 0], [0, 0, 0, null, 0],
        [0, 0, 0, null, 0], [1, 0, 2, null, 1], [1, null, 2, 0, null], [2, 2, 2, null, 2], [2, 1, 1, 1, null],
        [null, 1, 0, 0, null], [0, 0, 0, 0, null], [1, 2, 2, 2, null], [3, 3, 2, 2, 3], [1, 1, 1, null, 1],
        [1, 1, 1, null, 1], [2, 1, 2, null, 2], [1, 2, 3, 3, null], [1, 1, 0, 1, null], [0, 0, 0, null, 0],
        [0, 0, 1, 1, null], [0, 0, null, 0, 0], [2, 3, 3, 3, null], [0, 0, 0, 0, null], [1, 2, null, 2, 2],
        [0, 1, 1, 1, null], [0, 0, 0, 1, 0], [1, 2, 1, 2, null], [1, 1, 2, 2, null], [1, 1, 2, null, 2],
        [1, 1, 0, null, 0], [2, 1, 2, 1, null], [2, 2, null, 2, 2], [3, 2, 2, 2, null], [2, 2, 2, null, 2],
        [2, 2, 3, null, 2], [2, 2, 2, null, 2], [2, 2, null, 1, 2], [2, 2, 2, 2, null], [1, 1, 1, null, 1],
    ];

    /// <summary>Per-unit category counts expanded into one rating per rater (raters r0, r1, … within each unit).</summary>
    public static RatingTable FromCounts(int[][] counts, string[] categories) =>
        RatingTable.FromNominal(
            from u in Enumerable.Range(0, counts.Length)
            from rating in counts[u].SelectMany((n, c) => Enumerable.Repeat(categories[c], n)).Select((value, r) => (value, r))
            select ($"s{u + 1}", $"r{rating.r}", rating.value),
            categories);

    /// <summary>A two-coder contingency table (first coder in rows) expanded into units.</summary>
    public static RatingTable FromContingency(int[,] cells, string[] categories)
    {
        var ratings = new List<(string, string, string)>();
        for (var i = 0; i < cells.GetLength(0); i++)
        {
            for (var j = 0; j < cells.GetLength(1); j++)
            {
                for (var n = 0; n < cells[i, j]; n++)
                {
                    var unit = $"u{ratings.Count / 2}";
                    ratings.Add((unit, "A", categories[i]));
                    ratings.Add((unit, "B", categories[j]));
                }
            }
        }

        return RatingTable.FromNominal(ratings, categories);
    }

    /// <summary>A units × raters matrix (null = missing) as a numeric table.</summary>
    public static RatingTable FromUnitRows(double?[][] rows) =>
        RatingTable.FromNumeric(
            from u in Enumerable.Range(0, rows.Length)
            from r in Enumerable.Range(0, rows[u].Length)
            where rows[u][r] is not null
            select ($"u{u + 1}", $"obs{r + 1}", rows[u][r]!.Value));
}
