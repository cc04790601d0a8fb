using Annotate.Agreement;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>The export formats and what runs them, for the web app and for `annotate export` alike.</summary>
internal static class ExportServices
{
    /// <summary>Every format; a new one is one line here.</summary>
    public static IReadOnlyList<IExportFormat> AllFormats() =>
    [
        new JsonlExport(),
    ];

    public static IServiceCollection AddAnnotateExport(this IServiceCollection services)
    {
        services.AddSingleton<ExportReader>();
        services.AddSingleton<DatasetCard>();
        foreach (var format in AllFormats())
        {
            services.AddSingleton(format);
        }

        services.AddSingleton<ExportRunner>();
        return services;
    }

    /// <summary>The runner outside the web host (the command line), on an opened database.</summary>
    public static ExportRunner RunnerFor(Db db)
    {
        var (documents, codebooks, annotators) = (new DocumentStore(db), new CodebookStore(db), new AnnotatorStore(db, TimeProvider.System));
        var reader = new ExportReader(db, documents, new AnnotationStore(db), annotators);
        // The texts cache lives as long as the command's process.
        var agreement = new AgreementStore(db, new VersionTexts(documents), codebooks, annotators);
        return new ExportRunner(db, reader, codebooks, new DatasetCard(agreement, new ProjectStore(db, TimeProvider.System)), AllFormats());
    }
}
