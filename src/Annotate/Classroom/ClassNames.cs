using System.Data;
using System.Globalization;
using Annotate.Sessions;
using Dapper;

namespace Annotate.Classroom;

/// <summary>
/// Names in one class stay distinct: a second "Ana" joins as "Ana (2)", so the teacher's table, presence and the
/// agreement figures never show two people under one name. Names are compared as people read them: case, width
/// and the spaces around and between words do not count.
/// </summary>
internal static class ClassNames
{
    /// <summary>The name itself when nobody has it yet, else the first free "name (n)", n from 2, within the length limit.</summary>
    public static string Pick(string name, IEnumerable<string> taken)
    {
        var used = taken.Select(NameRules.Comparable).ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(NameRules.Comparable(name)))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            var stem = name.Length + suffix.Length > SessionApi.MaxDisplayNameLength ? name[..(SessionApi.MaxDisplayNameLength - suffix.Length)].TrimEnd() : name;
            var candidate = stem + suffix;
            if (!used.Contains(NameRules.Comparable(candidate)))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// Inside the write that adds the person: the name they get in the project. On PostgreSQL a transaction lock per
    /// project keeps two servers from giving the same name at once (SQLite writes are one at a time already).
    /// </summary>
    public static async Task<string> DistinctAsync(IDbConnection connection, IDbTransaction transaction, bool sqlite, string projectId, string name)
    {
        if (!sqlite)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext(@Key));", new { Key = "class-names:" + projectId }, transaction);
        }

        var taken = await connection.QueryAsync<string>("""
            SELECT u.DisplayName FROM ProjectMembers m JOIN Users u ON u.Id = m.UserId WHERE m.ProjectId = @ProjectId;
            """, new { ProjectId = projectId }, transaction);
        return Pick(name, taken);
    }
}
