using System.Globalization;
using Annotate.Data;
using Annotate.Tests.Export;
using Annotate.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Tests.Agreement;

/// <summary>
/// Many documents for agreement at size, written straight into the app's database (SQLite or PostgreSQL): generated
/// texts in the bundled corpus's collection, each annotated by the given people with spans of every span layer of
/// the codebook and one document label each. Deterministic for a seed.
/// </summary>
internal static class AgreementSeed
{
    private static readonly string[] Words = ["convoy", "pass", "road", "minister", "protest", "blockade", "drivers", "border", "said", "the", "a", "of", "report"];

    /// <returns>How many annotations were written.</returns>
    public static async Task<int> SeedAsync(AnnotateApp app, IReadOnlyList<string> annotators, int documents, int spansPerAnnotator, int words = 200, int seed = 15)
    {
        var db = app.Services.GetRequiredService<Db>();
        var labels = ExportScenario.CodebookLabels();
        var spanLabels = labels.Where(l => l.Scope == "span").ToList();
        var documentLabels = labels.Where(l => l.Scope == "document").ToList();
        var random = new Random(seed);
        var count = 0;
        await using (var connection = await db.OpenAsync())
        {
            var collection = await connection.QueryFirstAsync<string>("SELECT Collection FROM Documents WHERE ProjectId = 'default' ORDER BY Id;");
            // The bundled corpus has one codebook, at its root.
            var (codebook, codebookVersion) = await connection.QueryFirstAsync<(string, long)>("SELECT Collection, max(Version) FROM CodebookVersions GROUP BY Collection ORDER BY Collection;");
            var rows = new List<string>();
            for (var d = 0; d < documents; d++)
            {
                var id = $"{collection}.seeded-{d:D5}";
                var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
                await connection.ExecuteAsync("""
                    INSERT INTO Documents (Id, ProjectId, Collection, Path, CurrentVersion, Title, TagsJson, MetadataJson, WordCount, SourceHash, FileSize, FileModifiedTicks, UpdatedAt)
                    VALUES (@Id, 'default', @Collection, @Path, 1, @Id, '[]', '{}', @Words, '', 0, 0, '');
                    INSERT INTO DocumentVersions (DocumentId, Version, ContentHash, Format, Source, Text, BlocksJson, CreatedAt)
                    VALUES (@Id, 1, '', 'text', @Text, @Text, '[]', '');
                    """, new { Id = id, Collection = collection, Path = $"seeded/{d:D5}.md", Words = words, Text = text });
                var seq = 0;
                foreach (var annotator in annotators)
                {
                    var stance = documentLabels[random.Next(documentLabels.Count)];
                    rows.Add(Row(id, codebook, codebookVersion, annotator, "document", stance.Layer, stance.Label, null, null, ++seq));
                    for (var s = 0; s < spansPerAnnotator; s++)
                    {
                        var (layer, label, _) = spanLabels[random.Next(spanLabels.Count)];
                        var start = random.Next(0, text.Length - 60);
                        rows.Add(Row(id, codebook, codebookVersion, annotator, "span", layer, label, start, start + random.Next(3, 60), ++seq));
                    }
                }

                if (rows.Count >= 500 || d == documents - 1)
                {
                    count += rows.Count;
                    await connection.ExecuteAsync($"""
                        INSERT INTO Annotations (Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind, Layer, Label,
                            StartOffset, EndOffset, AttributesJson, Version, Seq, CreatedAt, UpdatedAt)
                        VALUES {string.Join(",\n", rows)};
                        """);
                    rows.Clear();
                }
            }
        }

        return count;
    }

    // Generated ids, layers and labels only (no quote can occur): written as literals, many rows a statement.
    private static string Row(string document, string collection, long codebookVersion, string annotator, string kind, string layer, string label, int? start, int? end, int seq) =>
        string.Create(CultureInfo.InvariantCulture,
            $"('{Guid.NewGuid()}', 'default', '{document}', 1, '{collection}', {codebookVersion}, '{annotator}', '{kind}', '{layer}', '{label}', {Number(start)}, {Number(end)}, '{{}}', 1, {seq}, '', '')");

    private static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";
}
