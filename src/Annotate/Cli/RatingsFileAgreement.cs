using Annotate.Agreement;
using Annotate.AgreementReports;

namespace Annotate.Cli;

/// <summary>`annotate agreement FILE [--distance MATRIX.csv]`: the coding report of a ratings file.</summary>
internal static class RatingsFileAgreement
{
    /// <summary>Reads and computes; a malformed file throws <see cref="RatingsFileException"/> naming the file, line and problem.</summary>
    public static AgreementReport Compute(FileInfo file, MeasurementLevel level, IReadOnlyList<string>? declared, int? samples, FileInfo? distanceFile)
    {
        if (distanceFile is not null && level != MeasurementLevel.Nominal)
        {
            throw new RatingsFileException($"--distance replaces the difference function of --level {level.ToString().ToLowerInvariant()}: give one or the other.");
        }

        var timings = StageTimings.FromEnvironment();
        var distances = distanceFile is null ? null : Named(distanceFile, DistancesFile.Read);
        var ratings = Named(file, RatingsFile.Read);
        timings?.Mark($"read {ratings.Count} ratings, none twice");
        var report = Named(file, _ => AgreementReport.For(ratings, level, declared, samples, distances: distances), open: false);
        timings?.Mark("coefficients");
        return report with
        {
            Distance = distances is null ? level.ToString().ToLowerInvariant() : "custom",
            DistanceFile = distanceFile?.Name,
        };
    }

    // Runs a step on the file and puts the file's name before the line and problem of any error.
    private static T Named<T>(FileInfo file, Func<Stream, T> step, bool open = true)
    {
        using var stream = open ? Open(file) : null;
        try
        {
            return step(stream ?? Stream.Null);
        }
        catch (RatingsFileException ex)
        {
            throw new RatingsFileException($"{file.Name}: {ex.Message}");
        }
    }

    private static FileStream Open(FileInfo path) => path.Exists
        ? new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan)
        : throw new RatingsFileException($"The file '{path.FullName}' does not exist.");
}
