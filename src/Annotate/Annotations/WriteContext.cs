using System.Text.Json;
using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Sessions;

namespace Annotate.Annotations;

/// <summary>What a write needs to know about its document: the version written against, the current one, the codebook.</summary>
internal sealed class WriteContext
{
    private WriteContext()
    {
    }

    public WriteOutcome? Failure { get; private init; }

    public DocumentRow? Document { get; private init; }

    public VersionRow? Version { get; private init; }

    public VersionRow? Current { get; private init; }

    public IReadOnlyList<Block> Blocks { get; private init; } = [];

    public CodebookInfo? Codebook { get; private init; }

    public static async Task<WriteContext> LoadAsync(DocumentStore documents, VersionTexts texts, CodebookStore codebooks, string documentId, int? documentVersion, CancellationToken cancellationToken)
    {
        var document = DocumentIds.IsWellFormed(documentId) ? await documents.HeadAsync(documentId, cancellationToken) : null;
        if (document is null)
        {
            return new WriteContext { Failure = new WriteOutcome.NotFound($"There is no document with id '{documentId}'.") };
        }

        var current = await texts.GetAsync(documentId, (int)document.CurrentVersion, cancellationToken);
        var written = documentVersion is null or 0 || documentVersion == document.CurrentVersion ? current : await texts.GetAsync(documentId, documentVersion.Value, cancellationToken);
        if (current is null || written is null)
        {
            return new WriteContext { Failure = WriteOutcome.Error("documentVersion", $"Document '{documentId}' has no version {documentVersion} (its current version is {document.CurrentVersion}).") };
        }

        var codebook = await codebooks.ForCollectionAsync(document.Collection, cancellationToken);
        if (codebook is null)
        {
            return new WriteContext { Failure = WriteOutcome.Error("layer", $"No codebook applies to '{documentId}': add a codebook.yaml to its collection or the corpus root.") };
        }

        return new WriteContext { Document = document, Version = written.Row, Current = current.Row, Blocks = written.Blocks, Codebook = codebook };
    }

    /// <summary>The row a valid request describes; a span written against an older text is moved to the current one.</summary>
    public AnnotationRow NewRow(string id, string kind, AnnotationRequest request, SessionUser user, DateTimeOffset now, string? provenanceJson = null)
    {
        var (version, anchor, orphan) = ((int)Version!.Version, (TextAnchor?)null, false);
        if (kind is Annotation.SpanKind or Annotation.RejectedKind)
        {
            anchor = TextAnchors.At(Version.Text, request.Start!.Value, request.End!.Value);
            if (Version.Version < Current!.Version)
            {
                var moved = TextAnchors.Reanchor(Current.Text, anchor.Quote, anchor.Prefix, anchor.Suffix, anchor.Start);
                (version, anchor, orphan) = moved is null ? (version, anchor, true) : ((int)Current.Version, moved, false);
            }
        }
        else
        {
            version = (int)Current!.Version;
        }

        // Attributes are stored sorted and without nulls, so the same content always has the same bytes.
        var attributes = (request.Attributes ?? []).Where(a => a.Value.ValueKind != JsonValueKind.Null)
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value);
        var timestamp = now.ToString("O");
        return new AnnotationRow(id, Document!.Id, version, Codebook!.Collection, Codebook.Version, user.UserId, user.DisplayName, kind,
            request.Layer!, request.Label!, anchor?.Start, anchor?.End, anchor?.Quote, anchor?.Prefix, anchor?.Suffix,
            JsonSerializer.Serialize(attributes), AttributionText.Of(request.Attribution?.Actor),
            string.IsNullOrEmpty(request.Note) ? null : request.Note, 1, 0, 0, orphan ? 1 : 0, timestamp, timestamp, provenanceJson);
    }

    public Annotation ToAnnotation(AnnotationRow row) => row.ToAnnotation(LabelExists(Codebook!.Codebook));

    public static Func<string, string, bool> LabelExists(CodebookDefinition codebook) =>
        (layer, label) => layer == Annotation.RelationLayer
            ? codebook.Relations.Any(r => r.Id == label)
            : codebook.Layers.Any(l => l.Id == layer && l.Labels.Any(x => x.Id == label));
}
