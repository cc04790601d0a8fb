using System.Text.RegularExpressions;

namespace Annotate.Data;

/// <summary>
/// The migrations are written once, in the SQLite dialect; this turns one into PostgreSQL. The differences are few and
/// all listed here: 64-bit integers (SQLite's INTEGER is 64-bit, so every integer column becomes BIGINT and reads back
/// as long on both engines); text in the "C" collation, so that ORDER BY, comparisons and lower() behave as in
/// SQLite (byte order, ASCII-only case folding) whatever the database's default collation; and case-insensitive
/// unique indexes as indexes on lower(...).
/// </summary>
internal static partial class PostgresSchema
{
    public static string Translate(string sqliteScript)
    {
        var script = IntegerType().Replace(sqliteScript, "BIGINT");
        script = TextType().Replace(script, "TEXT COLLATE \"C\"");
        return NoCaseIndexColumn().Replace(script, "(lower(${column}))");
    }

    [GeneratedRegex(@"\bINTEGER\b", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerType();

    [GeneratedRegex(@"\bTEXT\b", RegexOptions.CultureInvariant)]
    private static partial Regex TextType();

    // Only a lone column in parentheses, as in CREATE UNIQUE INDEX … ON T (Column COLLATE NOCASE).
    [GeneratedRegex(@"\(\s*(?<column>\w+)\s+COLLATE\s+NOCASE\s*\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NoCaseIndexColumn();
}
