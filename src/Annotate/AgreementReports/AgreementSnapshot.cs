using Annotate.Agreement.Spans;
using Annotate.Codebook;
using Annotate.Projects;

namespace Annotate.AgreementReports;

/// <summary>A live annotation as agreement needs it: who gave which label where.</summary>
internal sealed record AgreementAnnotation(string DocumentId, long DocumentVersion, string AnnotatorId, string Kind, string Layer, string Label, long? StartOffset, long? EndOffset);

/// <summary>A live relation between two live spans, with its ends' places and labels, as relation agreement needs it.</summary>
internal sealed record AgreementRelation(string DocumentId, string AnnotatorId, string Type, long SourceStart, long SourceEnd, string SourceLayer, string SourceLabel,
    long TargetStart, long TargetEnd, string TargetLayer, string TargetLabel);

/// <summary>An annotated document: its current text and the codebook of its collection.</summary>
internal sealed record AgreementDocument(string Id, string Title, long Version, string Text, CodebookDefinition? Codebook)
{
    private IReadOnlyList<Token>? tokens;

    /// <summary>The text's tokens, computed once per snapshot document.</summary>
    public IReadOnlyList<Token> Tokens => tokens ??= TextTokenizer.Tokenize(Id, Text);
}

/// <summary>Everything agreement is computed from, read from the database in one go.</summary>
internal sealed record AgreementSnapshot(
    string ProjectId,
    string Visibility,
    IReadOnlyList<AgreementDocument> Documents,
    IReadOnlyList<AgreementAnnotation> Annotations,
    IReadOnlyList<Annotator> Annotators,
    int LeftOut,
    IReadOnlyList<AgreementRelation>? Relations = null);
