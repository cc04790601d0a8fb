using System.Globalization;
using Annotate.Agreement;
using Annotate.Agreement.Spans;
using Annotate.AgreementReports;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Projects;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Annotate.Benchmarks;

/// <summary>
/// Agreement with the data read from a real Annotate SQLite database, as `annotate agreement --project` and the
/// agreement view read it. Two projects are seeded once: "ratings", 200,000 documents × 5 annotators with a document
/// label each (≈ 900,000 ratings, 10 categories, 10% missing), and "spans", 1,000 generated articles of ~600 words
/// with 5 annotators × 20 spans each (100,000 spans over three layers).
/// </summary>
[MemoryDiagnoser]
public class AgreementStoreBenchmarks
{
    private const int RatingDocuments = 200_000;
    private const int SpanDocuments = 1_000;
    private const int Annotators = 5;
    private const int SpansPerAnnotator = 20;
    private static readonly string[] Words = ["convoy", "pass", "road", "minister", "protest", "blockade", "drivers", "border", "said", "the", "a", "of", "and", "report", "officials", "claimed"];
    private static readonly (string Layer, string[] Labels)[] SpanLayers =
    [
        ("frame", ["blockade", "protest", "security", "economic", "humanitarian", "legal"]),
        ("claim", ["factual-claim", "accusation", "denial"]),
        ("source", ["official", "eyewitness", "expert", "media"]),
    ];

    private string folder = "";
    private Db db = null!;
    private VersionTexts texts = null!;
    private AgreementStore store = null!;
    private ProjectSettings spansProject = null!;
    private AgreementService service = null!;
    private AgreementWorker worker = null!;
    private int saves;
    private List<LabelledSpan> unitizingSpans = [];
    private List<Continuum> unitizingContinuum = [];

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "annotate-agreement-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        db = new Db(Path.Combine(folder, "annotate.db"));
        Migrator.MigrateAsync(db).GetAwaiter().GetResult();
        using (var connection = new SqliteConnection(db.ConnectionString))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            var random = new Random(20261129);
            connection.Execute("INSERT INTO Projects (Id, Visibility, UpdatedAt) VALUES ('ratings', 'open', ''), ('spans', 'open', '');", transaction: transaction);
            for (var a = 0; a < Annotators; a++)
                connection.Execute("INSERT INTO Users (Id, DisplayName, CreatedAt) VALUES (@Id, @Id, '');", new { Id = Annotator(a) }, transaction);
            SeedRatings(connection, transaction, random);
            SeedSpans(connection, transaction, random);
            transaction.Commit();
        }

        texts = new VersionTexts(new DocumentStore(db));
        store = new AgreementStore(db, texts, new CodebookStore(db), new AnnotatorStore(db, TimeProvider.System));
        spansProject = new ProjectSettings("spans", Visibility.Open, "");
        worker = new AgreementWorker();
        service = new AgreementService(store, new ServerPieces(store, worker, Microsoft.Extensions.Options.Options.Create(new AgreementCacheOptions())), TimeProvider.System);
        service.ReportAsync(spansProject, null, new AgreementOptions(), CancellationToken.None).GetAwaiter().GetResult(); // every document's pieces cached
        SetupUnitizing();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        texts.Dispose();
        worker.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Reads ≈ 900,000 document labels from SQLite and computes Krippendorff's alpha (nominal).</summary>
    [Benchmark]
    public double AlphaOfDocumentLabelsFromSqlite()
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        var rows = connection.Query<(string Unit, string Coder, string Value)>(
            "SELECT DocumentId, AnnotatorId, Label FROM Annotations WHERE ProjectId = 'ratings' AND Kind = 'document' AND IsDeleted = 0;", buffered: false);
        return CodingAgreement.KrippendorffAlpha(RatingTable.FromNominal(rows)).Alpha.Value;
    }

    /// <summary>The agreement view's whole report of the "spans" project: load (texts cached after the first run) and compute.</summary>
    [Benchmark]
    public ProjectAgreementReport ProjectReportOfHundredThousandSpans() =>
        ProjectAgreement.Compute(store.LoadAsync(spansProject, null, CancellationToken.None).GetAwaiter().GetResult(), null, 0, new AgreementOptions());

    /// <summary>One span of one document changes (as a save does), then the app's report of the project.</summary>
    [IterationSetup(Target = nameof(ProjectReportAfterOneSave))]
    public void SaveOneSpan()
    {
        var document = "s" + (saves++ % SpanDocuments).ToString(CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        connection.Execute(
            "UPDATE Annotations SET EndOffset = EndOffset + 1, Seq = (SELECT max(Seq) + 1 FROM Annotations WHERE DocumentId = @Document) " +
            "WHERE Id = (SELECT Id FROM Annotations WHERE DocumentId = @Document AND Kind = 'span' ORDER BY Id LIMIT 1);", new { Document = document });
        service.Touch("spans");
    }

    /// <summary>
    /// The agreement view's report after one save: the changed document is re-read and recomputed, the other 999
    /// documents' cached pieces are summed, and unitizing alpha is recomputed over all 100,000 spans.
    /// </summary>
    [Benchmark]
    public ProjectAgreementReport ProjectReportAfterOneSave() =>
        service.ReportAsync(spansProject, null, new AgreementOptions(), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Unitizing alpha overall and per label: 10,000 spans of 5 coders over a 1,000,000-character continuum.</summary>
    [Benchmark]
    public int UnitizingAlphaOfTenThousandSpans()
    {
        var overall = UnitizingAgreement.Alpha(unitizingSpans, unitizingContinuum);
        return UnitizingAgreement.AlphaByLabel(unitizingSpans, unitizingContinuum).Count + (overall.Alpha.IsDefined ? 1 : 0);
    }

    private static string Annotator(int a) => "annotator-" + a.ToString(CultureInfo.InvariantCulture);

    private static void SeedRatings(SqliteConnection connection, SqliteTransaction transaction, Random random)
    {
        using var document = SqliteSeed.Command(connection, transaction, """
            INSERT INTO Documents (Id, ProjectId, Collection, Path, CurrentVersion, Title, TagsJson, MetadataJson, WordCount, SourceHash, FileSize, FileModifiedTicks, UpdatedAt)
            VALUES ($id, 'ratings', 'bench', $id, 1, $id, '[]', '{}', 1, '', 0, 0, '');
            """, "$id");
        using var label = SqliteSeed.AnnotationCommand(connection, transaction);
        for (var d = 0; d < RatingDocuments; d++)
        {
            var id = "r" + d.ToString(CultureInfo.InvariantCulture);
            document.Parameters["$id"].Value = id;
            document.ExecuteNonQuery();
            var truth = random.Next(10);
            var seq = 0;
            for (var a = 0; a < Annotators; a++)
            {
                if (random.NextDouble() < 0.1)
                    continue;
                var value = random.NextDouble() < 0.7 ? truth : random.Next(10);
                SqliteSeed.Annotation(label, "ratings", id, Annotator(a), "document", "stance", "k" + value.ToString(CultureInfo.InvariantCulture), null, null, ++seq);
            }
        }
    }

    private static void SeedSpans(SqliteConnection connection, SqliteTransaction transaction, Random random)
    {
        using var document = SqliteSeed.Command(connection, transaction, """
            INSERT INTO Documents (Id, ProjectId, Collection, Path, CurrentVersion, Title, TagsJson, MetadataJson, WordCount, SourceHash, FileSize, FileModifiedTicks, UpdatedAt)
            VALUES ($id, 'spans', 'bench', $id, 1, $id, '[]', '{}', 600, '', 0, 0, '');
            INSERT INTO DocumentVersions (DocumentId, Version, ContentHash, Format, Source, Text, BlocksJson, CreatedAt)
            VALUES ($id, 1, '', 'text', $text, $text, '[]', '');
            """, "$id", "$text");
        using var span = SqliteSeed.AnnotationCommand(connection, transaction);
        for (var d = 0; d < SpanDocuments; d++)
        {
            var id = "s" + d.ToString(CultureInfo.InvariantCulture);
            var text = string.Join(' ', Enumerable.Range(0, 600).Select(_ => Words[random.Next(Words.Length)]));
            document.Parameters["$id"].Value = id;
            document.Parameters["$text"].Value = text;
            document.ExecuteNonQuery();
            var seq = 0;
            for (var a = 0; a < Annotators; a++)
            {
                for (var s = 0; s < SpansPerAnnotator; s++)
                {
                    var start = random.Next(0, text.Length - 200);
                    var (layer, labels) = SpanLayers[random.Next(SpanLayers.Length)];
                    SqliteSeed.Annotation(span, "spans", id, Annotator(a), "span", layer, labels[random.Next(labels.Length)], start, start + random.Next(5, 200), ++seq);
                }
            }
        }
    }

    private void SetupUnitizing()
    {
        var random = new Random(11);
        string[] labels = ["claim", "premise", "rebuttal", "backing"];
        for (var c = 0; c < Annotators; c++)
        {
            for (var i = 0; i < 2_000; i++)
            {
                var start = random.Next(0, 999_000);
                unitizingSpans.Add(new LabelledSpan("", Annotator(c), start, start + random.Next(1, 1_000), labels[random.Next(labels.Length)]));
            }
        }

        unitizingContinuum = [new Continuum("", 0, 1_000_000)];
    }
}
