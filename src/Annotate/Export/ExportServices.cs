using Annotate.Agreement;
using Annotate.AgreementReports;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Hosting;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>The export formats and what runs them, for the web app and for `annotate export` alike.</summary>
internal static class ExportServices
{
    /// <summary>Every format; a new one is one line here. The agreement format reads the report from these stores.</summary>
    public static IReadOnlyList<IExportFormat> AllFormats(AgreementStore agreement, ProjectStore projects) =>
    [
        new JsonlExport(),
        new CsvExport(),
        new SpacyExport(),
        new WebAnnotationExport(),
        new AgreementExport(agreement, projects),
        new ConllExport(),
        new BratExport(),
    ];

    public static IServiceCollection AddAnnotateExport(this IServiceCollection services)
    {
        services.AddSingleton<ExportReader>();
        services.AddSingleton<DatasetCard>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ExportRunner>(sp,
            AllFormats(sp.GetRequiredService<AgreementStore>(), sp.GetRequiredService<ProjectStore>()).AsEnumerable()));
        return services;
    }

    /// <summary>The runner outside the web host (the command line), on an opened database.</summary>
    public static ExportRunner RunnerFor(Db db)
    {
        var (documents, codebooks, annotators) = (new DocumentStore(db), new CodebookStore(db), new AnnotatorStore(db, TimeProvider.System));
        var reader = new ExportReader(db, documents, annotators);
        // The texts cache lives as long as the command's process.
        var agreement = new AgreementStore(db, new VersionTexts(documents), codebooks, annotators);
        var projects = new ProjectStore(db, TimeProvider.System);
        return new ExportRunner(db, reader, codebooks, new DatasetCard(db, agreement, projects), AllFormats(agreement, projects));
    }

    /// <summary>
    /// The formats for help text and --format's choices, before any database is chosen: only names and
    /// descriptions are read, so the stores sit on a database that is never opened (Db opens nothing until asked).
    /// </summary>
    public static IReadOnlyList<IExportFormat> Listing() => RunnerFor(new Db(DefaultPaths.Database())).Formats;
}
