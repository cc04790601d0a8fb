namespace Annotate.Agreement.Spans;

/// <summary>D_o and D_e of αu for one category (Krippendorff 2004; DKPro's KrippendorffAlphaUnitizingAgreement).</summary>
internal static class UnitizingDisagreement
{
    /// <param name="segments">Each coder's sorted, non-overlapping units of the category.</param>
    /// <param name="coders">m, the number of coders (coders without units count: all gap).</param>
    /// <param name="length">L, the length of the continuum.</param>
    /// <param name="sortedGaps">Each coder's gaps sorted by length (<see cref="SortedGaps"/>), when already known.</param>
    public static (double Observed, double Expected) Of(LabelSegments segments, int coders, long length, long[][]? sortedGaps = null) =>
        (Observed(segments.ByCoder, coders, length), Expected(segments.ByCoder, coders, length, sortedGaps));

    /// <summary>One coder's gaps (before, between and after their units) on a continuum of <paramref name="length"/>, shortest first.</summary>
    public static long[] SortedGaps(UnitSegment[] units, long length)
    {
        var gaps = new List<long>(units.Length + 1);
        AddGaps(gaps, units, length);
        var sorted = gaps.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>
    /// Σ over ordered coder pairs of δ² / (m(m − 1)L²). δ² is nonzero only for overlapping units
    /// ((Δstart)² + (Δend)²) and for a unit inside the other coder's gap, i.e. overlapping none of their units (l²),
    /// so a merge-like sweep per pair of coders finds every term.
    /// </summary>
    private static double Observed(UnitSegment[][] byCoder, int coders, long length)
    {
        double sum = 0;
        for (var a = 0; a < byCoder.Length; a++)
        {
            for (var b = a + 1; b < byCoder.Length; b++)
            {
                sum += Sweep(byCoder[a], byCoder[b], pairs: true) + Sweep(byCoder[b], byCoder[a], pairs: false);
            }
        }

        var l = (double)length;
        return 2 * sum / ((double)coders * (coders - 1) * l * l);
    }

    /// <summary>For each unit of <paramref name="first"/>: its overlapping units in <paramref name="second"/> (when
    /// <paramref name="pairs"/>), or l² when it overlaps none.</summary>
    private static double Sweep(UnitSegment[] first, UnitSegment[] second, bool pairs)
    {
        double sum = 0;
        var from = 0;
        foreach (var unit in first)
        {
            // Both lists are sorted and disjoint: a unit of second ending before this one starts ends before every later one too.
            while (from < second.Length && second[from].End <= unit.Start)
            {
                from++;
            }

            var overlaps = false;
            for (var j = from; j < second.Length && second[j].Start < unit.End; j++)
            {
                overlaps = true;
                if (!pairs)
                {
                    break;
                }

                double ds = unit.Start - second[j].Start, de = unit.End - second[j].End;
                sum += (ds * ds) + (de * de);
            }

            if (!overlaps)
            {
                sum += (double)unit.Length * unit.Length;
            }
        }

        return sum;
    }

    /// <summary>
    /// D_e = (2/L) Σ_units [ (N − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps g ≥ l} (g − l + 1) ] / (mL(mL − 1) − Σ_units l(l − 1)),
    /// with N the number of units and the gaps those of every coder (Krippendorff 2004). Gaps are sorted once, so
    /// each unit's inner sum is a binary search and a suffix sum.
    /// </summary>
    private static double Expected(UnitSegment[][] byCoder, int coders, long length, long[][]? sortedGaps)
    {
        long units = 0;
        double squared = 0;
        foreach (var coder in byCoder)
        {
            foreach (var unit in coder)
            {
                units++;
                squared += (double)unit.Length * (unit.Length - 1);
            }
        }

        // Every coder's gaps, shortest first: the same sorted list whether sorted here or merged from sorted parts.
        var gaps = sortedGaps is null ? AllGaps(byCoder, length) : Merge(sortedGaps);
        var suffix = new double[gaps.Length + 1];
        for (var i = gaps.Length - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] + gaps[i];
        }

        double numerator = 0;
        foreach (var coder in byCoder)
        {
            foreach (var unit in coder)
            {
                double l = unit.Length;
                var first = LowerBound(gaps, unit.Length);
                var fitting = suffix[first] - ((l - 1) * (gaps.Length - first));
                numerator += ((units - 1) * l * (l - 1) * ((2 * l) - 1) / 3) + (l * l * fitting);
            }
        }

        var ml = (double)coders * length;
        return 2.0 / length * numerator / ((ml * (ml - 1)) - squared);
    }

    private static long[] AllGaps(UnitSegment[][] byCoder, long length)
    {
        var gaps = new List<long>();
        foreach (var coder in byCoder)
            AddGaps(gaps, coder, length);
        var sorted = gaps.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static void AddGaps(List<long> gaps, UnitSegment[] units, long length)
    {
        long previous = 0;
        foreach (var unit in units)
        {
            if (unit.Start > previous)
                gaps.Add(unit.Start - previous);
            previous = unit.End;
        }

        if (length > previous)
            gaps.Add(length - previous);
    }

    private static long[] Merge(long[][] sorted)
    {
        var merged = sorted.Length == 0 ? [] : sorted[0];
        for (var p = 1; p < sorted.Length; p++)
        {
            var (a, b) = (merged, sorted[p]);
            var result = new long[a.Length + b.Length];
            int i = 0, j = 0, k = 0;
            while (i < a.Length && j < b.Length)
                result[k++] = a[i] <= b[j] ? a[i++] : b[j++];
            while (i < a.Length)
                result[k++] = a[i++];
            while (j < b.Length)
                result[k++] = b[j++];
            merged = result;
        }

        return merged;
    }

    /// <summary>Index of the first gap at least <paramref name="value"/> long.</summary>
    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
