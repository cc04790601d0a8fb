namespace Annotate.Tests.Export;

/// <summary>The dataset card (README.md) that goes with every export.</summary>
public sealed class DatasetCardTests
{
    [Fact]
    public async Task The_Card_Describes_Corpus_Codebook_Annotators_Counts_Agreement_And_Limitations()
    {
        await using var scenario = await ExportScenario.CreateAsync();

        var csv = await scenario.ExportAsync("csv", "csv");
        var again = await scenario.ExportAsync("csv", "again");
        var spacy = await scenario.ExportAsync("spacy", "spacy");

        var card = await File.ReadAllTextAsync(Path.Combine(csv, "README.md"));
        Assert.Equal(card, await File.ReadAllTextAsync(Path.Combine(again, "README.md")));
        Assert.Contains("# Dataset card: project default", card, StringComparison.Ordinal);
        Assert.Contains("Format: `csv`", card, StringComparison.Ordinal);
        Assert.Contains("- `default.csv`", card, StringComparison.Ordinal);
        Assert.Contains("- `default.spacy.jsonl`", await File.ReadAllTextAsync(Path.Combine(spacy, "README.md")), StringComparison.Ordinal);
        Assert.Contains("| **total** | 12 |", card, StringComparison.Ordinal);
        Assert.Contains("Sarn Pass framing codebook, version 1.0", card, StringComparison.Ordinal);
        Assert.Matches(@"sha256 [0-9a-f]{64}", card);
        Assert.Contains("layer `frame` Frame (span): `blockade` Blockade,", card, StringComparison.Ordinal);

        // Ana: 16 span labels, her own overlapping legal span, the denial with a note, 4 stances = 22; Ben: 16 + 4 = 20.
        Assert.Contains("| Ana | group: reader-a | 22 |", card, StringComparison.Ordinal);
        Assert.Contains("| Ben | background: law; group: reader-b | 20 |", card, StringComparison.Ordinal);
        Assert.Contains("| gold | Gold standard (curated) | | 2 |", card, StringComparison.Ordinal);
        Assert.Contains("| frame | blockade | span | 2 | 1 |", card, StringComparison.Ordinal);
        Assert.Contains("| frame | legal | span | 3 | 0 |", card, StringComparison.Ordinal);
        Assert.Contains("| stance | neutral | document | 2 | 0 |", card, StringComparison.Ordinal);
        Assert.Contains("| Ana | claim | denial | 2 |", card, StringComparison.Ordinal);
        Assert.Contains("Documents with a gold layer: 2.", card, StringComparison.Ordinal);
        Assert.Contains("## Agreement", card, StringComparison.Ordinal);
        Assert.Matches(@"- Frame \(span\): unitizing alpha -?[0-9.]+", card);
        Assert.Contains("- 0 orphaned span(s)", card, StringComparison.Ordinal);
        Assert.Matches(@"- [1-9][0-9]* span\(s\) overlap another span of the same annotator", card);
    }
}
