using System.Text;
using Annotate.Agreement;
using Annotate.Projects;

namespace Annotate.Export;

/// <summary>README.md, the dataset card written with every export: what the data is and how it was made.</summary>
internal sealed class DatasetCard(AgreementStore agreement, ProjectStore projects)
{
    public const string FileName = "README.md";

    public async Task WriteAsync(ExportContext context, IExportFormat format, IExportSink sink, CancellationToken cancellationToken)
    {
        var card = new StringBuilder();
        var project = await projects.GetAsync(context.ProjectId, cancellationToken);
        card.Append("# Dataset card: project ").Append(context.ProjectId).Append("\n\n");
        card.Append("Visibility while annotating: ").Append(project?.Visibility ?? "unknown").Append(".\n\n");
        card.Append("Format: `").Append(format.Name).Append("` — ").Append(format.Description).Append(".\n\n");
        card.Append("## Codebook\n\n");
        foreach (var codebook in context.Codebooks)
        {
            card.Append("- ").Append(codebook.Collection.Length == 0 ? "(corpus root)" : codebook.Collection).Append(", version ").Append(codebook.Version)
                .Append(" (sha256 ").Append(codebook.ContentHash).Append(")\n");
        }

        card.Append("\n## Annotators\n\n");
        foreach (var annotator in context.Annotators)
        {
            card.Append("- ").Append(annotator.Id).Append(' ').Append(annotator.Name);
            foreach (var (name, value) in annotator.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                card.Append("; ").Append(name).Append(": ").Append(value);
            card.Append('\n');
        }

        if (project is not null)
        {
            var report = ProjectAgreement.Compute(await agreement.LoadAsync(project, null, cancellationToken), null, 0, new AgreementOptions());
            card.Append("\n## Agreement\n\n");
            foreach (var layer in report.Layers)
            {
                card.Append("- ").Append(layer.Name).Append(" (").Append(layer.Scope).Append("): ");
                card.Append(layer.Spans is { } spans ? $"unitizing alpha {Figure(spans.AlphaU)}" : $"Krippendorff's alpha {Figure(layer.Coding?.KrippendorffAlpha)}").Append('\n');
            }
        }

        await using var output = await sink.CreateAsync(FileName, cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes(card.ToString()), cancellationToken);
    }

    private static string Figure(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "undefined";
}
