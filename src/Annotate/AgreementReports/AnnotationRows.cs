using System.Data;
using System.Data.Common;

namespace Annotate.AgreementReports;

/// <summary>
/// Reads the annotation rows of a report's one streaming query (columns in the order of
/// <c>AgreementStore.AnnotationColumns</c>) straight from the data reader: at a million rows, Dapper's boxed
/// numbers and a second record per row (to share the repeated strings) were a large part of what reading allocated.
/// Ids, kinds, layers and labels repeat on every row: one string each is kept, not one per row.
/// </summary>
internal sealed class AnnotationRows(DbDataReader reader)
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public string DocumentId() => reader.GetString(0);

    /// <summary>The current row, on <paramref name="documentId"/> (the string the document's rows share).</summary>
    public AgreementAnnotation Annotation(string documentId) => new(documentId, reader.GetInt64(1), Name(reader.GetString(2)), Name(reader.GetString(3)),
        Name(reader.GetString(4)), Name(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7));

    private string Name(string value)
    {
        if (!names.TryGetValue(value, out var known))
            names[value] = known = value;
        return known;
    }

    /// <summary>A typed parameter: a null needs its type on PostgreSQL (<c>@DocumentId IS NULL</c>).</summary>
    public static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = value is long ? DbType.Int64 : DbType.String;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
