using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Annotate.Data;

/// <summary>/healthz is healthy only when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>("SELECT 1;");
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
