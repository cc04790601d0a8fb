using Microsoft.Data.Sqlite;

namespace Annotate.Benchmarks;

/// <summary>Prepared inserts for seeding a real Annotate database quickly (one transaction, one prepared command each).</summary>
internal static class SqliteSeed
{
    public static void Annotation(SqliteCommand command, string project, string document, string annotator, string kind, string layer, string label,
        int? start, int? end, int seq, string? quote = null, string? provenance = null)
    {
        command.Parameters["$id"].Value = Guid.NewGuid().ToString();
        command.Parameters["$project"].Value = project;
        command.Parameters["$document"].Value = document;
        command.Parameters["$annotator"].Value = annotator;
        command.Parameters["$kind"].Value = kind;
        command.Parameters["$layer"].Value = layer;
        command.Parameters["$label"].Value = label;
        command.Parameters["$start"].Value = (object?)start ?? DBNull.Value;
        command.Parameters["$end"].Value = (object?)end ?? DBNull.Value;
        command.Parameters["$seq"].Value = seq;
        command.Parameters["$quote"].Value = (object?)quote ?? DBNull.Value;
        command.Parameters["$provenance"].Value = (object?)provenance ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public static SqliteCommand AnnotationCommand(SqliteConnection connection, SqliteTransaction transaction, string collection = "") => Command(connection, transaction, $$"""
        INSERT INTO Annotations (Id, ProjectId, DocumentId, DocumentVersion, CodebookCollection, CodebookVersion, AnnotatorId, Kind, Layer, Label,
            StartOffset, EndOffset, Quote, AttributesJson, Version, Seq, CreatedAt, UpdatedAt, ProvenanceJson)
        VALUES ($id, $project, $document, 1, '{{collection}}', 1, $annotator, $kind, $layer, $label, $start, $end, $quote, '{}', 1, $seq, '', '', $provenance);
        """, "$id", "$project", "$document", "$annotator", "$kind", "$layer", "$label", "$start", "$end", "$seq", "$quote", "$provenance");

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }
}
