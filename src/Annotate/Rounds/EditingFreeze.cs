using System.Data;
using Annotate.Curation;
using Dapper;
using Npgsql;

namespace Annotate.Rounds;

/// <summary>
/// The server's half of a freeze: every annotation write asks here, inside its own transaction, whether the
/// document's project has a discuss round open. The gold layer is exempt: teachers and curators settle it while
/// the class discusses.
/// </summary>
internal static class EditingFreeze
{
    /// <summary>The open discuss round's name when the write must be refused; null when it may go ahead.</summary>
    public static async Task<string?> FrozenByAsync(IDbConnection c, IDbTransaction t, string documentId, string annotatorId)
    {
        if (GoldLayer.Is(annotatorId) || await c.ExecuteScalarAsync<string?>("SELECT ProjectId FROM Documents WHERE Id = @Id;", new { Id = documentId }, t) is not { } projectId)
        {
            return null;
        }

        // Shared: writes do not wait for each other here, only for a round starting or ending.
        if (c is NpgsqlConnection)
        {
            await c.ExecuteAsync("SELECT pg_advisory_xact_lock_shared(hashtext(@Key));", new { Key = RoundStore.LockKey(projectId) }, t);
        }

        return await c.ExecuteScalarAsync<string?>(
            "SELECT Name FROM Rounds WHERE ProjectId = @ProjectId AND EndedAt IS NULL AND Kind = @Kind;",
            new { ProjectId = projectId, Kind = RoundKinds.Discuss }, t);
    }

    public static string Detail(string roundName) => $"{RoundKinds.FrozenMessage} (Round '{roundName}' is open.)";
}
