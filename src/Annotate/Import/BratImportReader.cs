using Annotate.Curation;
using Annotate.Export;

namespace Annotate.Import;

/// <summary>
/// Reads brat standoff: a brat export of Annotate (its brat/ folder, one subfolder per annotator, gold/ for the gold
/// layer, annotators.tsv for names) or another tool's folder of .txt + .ann, which is one annotator's (--annotator).
/// A document is matched by its corpus path without extension. Offsets are code points, converted with the .txt.
/// </summary>
internal static class BratImportReader
{
    public static async Task<ImportBatch> ReadAsync(string path, string? annotator, CancellationToken cancellationToken)
    {
        using var files = ImportFiles.Open(path);
        var prefix = files.Paths.Any(p => p.StartsWith(BratExport.Root + "/", StringComparison.Ordinal)) ? BratExport.Root + "/" : "";
        var anns = files.Paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p.EndsWith(".ann", StringComparison.Ordinal))
            .Select(p => p[prefix.Length..]).ToList();
        if (anns.Count == 0)
            throw new ImportFormatException($"'{path}' holds no brat .ann file.");

        var single = annotator is not null;
        if (!single && anns.Any(a => !a.Contains('/', StringComparison.Ordinal)))
            throw new ImportFormatException($"'{path}' is one annotator's brat folder (its .ann files are not in per-annotator folders): name them with --annotator NAME.");
        var names = await NamesAsync(files, prefix + BratExport.AnnotatorsFile, cancellationToken);
        var (items, problems) = (new List<ImportItem>(), new List<ImportProblem>());
        foreach (var ann in anns)
        {
            var (person, document) = single ? (annotator!, ann[..^4]) : (ann[..ann.IndexOf('/', StringComparison.Ordinal)], ann[(ann.IndexOf('/', StringComparison.Ordinal) + 1)..^4]);
            var txt = prefix + ann[..^4] + ".txt";
            if (!files.Paths.Contains(txt))
            {
                problems.Add(new ImportProblem(prefix + ann, document, ImportProblem.Invalid, $"there is no {txt} beside it, and brat offsets count in that text."));
                continue;
            }

            var name = GoldLayer.Is(person) ? GoldLayer.Name : names.GetValueOrDefault(person) ?? person;
            var text = await files.ReadTextAsync(txt, cancellationToken);
            var lines = (await files.ReadTextAsync(prefix + ann, cancellationToken)).Split('\n');
            var parsed = BratAnnParser.Parse(prefix + ann, document, person, name, text, lines);
            items.AddRange(parsed.Items);
            problems.AddRange(parsed.Problems);
        }

        return new ImportBatch(items, problems);
    }

    private static async Task<Dictionary<string, string>> NamesAsync(ImportFiles files, string path, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!files.Paths.Contains(path))
            return names;
        foreach (var line in (await files.ReadTextAsync(path, cancellationToken)).Split('\n'))
        {
            if (line.Split('\t') is [var id, var name] && id.Length > 0)
                names[id] = BratNames.ParseNote(name.TrimEnd('\r'));
        }

        return names;
    }
}
