using System.Data.Common;
using Annotate.Codebook;

namespace Annotate.AgreementReports;

/// <summary>
/// Reads each streamed document's text past the texts cache (a report of a large project would fill it), with one
/// command on its own connection reused for the whole stream (SQLite keeps its statement prepared), and each
/// collection's codebook once per stream: looking it up per document cost a connection and a query each time.
/// </summary>
internal sealed class DocumentTextReader(DbConnection connection, CodebookStore codebooks) : IAsyncDisposable
{
    private readonly Dictionary<string, CodebookDefinition?> codebookOf = new(StringComparer.Ordinal);
    private DbCommand? command;
    private DbParameter? documentParameter;
    private DbParameter? versionParameter;

    /// <summary>
    /// A document's text and its rows on that text (sorted as the report expects), with its relations when the project
    /// has any, or null when the text is gone.
    /// </summary>
    public async Task<DocumentRows?> ReadAsync(AnnotatedDocument head, List<AgreementAnnotation> rows, bool withRelations, CancellationToken cancellationToken)
    {
        if (command is null)
        {
            command = connection.CreateCommand();
            command.CommandText = "SELECT Text FROM DocumentVersions WHERE DocumentId = @DocumentId AND Version = @Version;";
            documentParameter = AnnotationRows.AddParameter(command, "DocumentId", "");
            versionParameter = AnnotationRows.AddParameter(command, "Version", 0L);
        }

        documentParameter!.Value = head.Id;
        versionParameter!.Value = head.CurrentVersion;
        if (await command.ExecuteScalarAsync(cancellationToken) is not string text)
            return null;
        rows.Sort(AgreementStore.ByAnnotatorAndPlace);
        var live = rows.Where(r => r.DocumentVersion == head.CurrentVersion).ToList();
        if (!codebookOf.TryGetValue(head.Collection, out var codebook))
            codebookOf[head.Collection] = codebook = (await codebooks.ForCollectionAsync(head.Collection, cancellationToken))?.Codebook;
        var relations = withRelations ? await AgreementStore.RelationsAsync(connection, head, cancellationToken) : [];
        return new DocumentRows(head, new AgreementDocument(head.Id, head.Title, head.CurrentVersion, text, codebook), live, rows.Count - live.Count, relations);
    }

    public async ValueTask DisposeAsync()
    {
        if (command is not null)
            await command.DisposeAsync();
        await connection.DisposeAsync();
    }
}
