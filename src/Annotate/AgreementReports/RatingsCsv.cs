using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Annotate.AgreementReports;

/// <summary>A malformed ratings file: the message names the line and the problem.</summary>
internal sealed class RatingsFileException(string message) : Exception(message);

/// <summary>One rating read from a file, with the line it came from.</summary>
internal sealed record RatingRow(int Line, string Unit, string Coder, string Value);

/// <summary>
/// How the agreement CSV files other than ratings files (spans) are read with CsvHelper, so quoting and embedded
/// commas behave as spreadsheets write them. Ratings files, which can hold millions of rows, are read by
/// <see cref="RatingsFile"/> with the same rules.
/// </summary>
internal static class RatingsCsv
{
    /// <summary>How every agreement CSV file is read: headers matched trimmed and case-blind, extra columns ignored.</summary>
    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        BadDataFound = null,
        MissingFieldFound = null,
        DetectColumnCountChanges = false,
    };
}
