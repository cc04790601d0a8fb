using Annotate.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Hosting;

/// <summary>What every feature relies on: the options and the database. Each feature registers itself in its own *Setup.cs.</summary>
internal static class ServiceSetup
{
    public static IServiceCollection AddAnnotateOptions(this IServiceCollection services)
    {
        services.AddOptions<AnnotateOptions>().BindConfiguration(AnnotateOptions.Section)
            .Validate(o => o.MaxFileSizeBytes > 0, "Annotate:MaxFileSizeBytes must be positive.")
            .Validate(o => o.TicketLifetimeDays is > 0 and <= 3650, "Annotate:TicketLifetimeDays must be between 1 and 3650 days.")
            .Validate(o => o.MaxHubConnectionsPerUser > 0, "Annotate:MaxHubConnectionsPerUser must be positive.")
            .Validate(o => o.LiveCheckSeconds is >= 0.05 and <= 1, "Annotate:LiveCheckSeconds must be between 0.05 and 1 (seconds).")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IServiceCollection AddAnnotateData(this IServiceCollection services)
    {
        services.AddSingleton(sp => new Db(sp.GetRequiredService<IOptions<AnnotateOptions>>().Value.DatabasePath));
        // Cookie keys live beside the database, so sessions survive a restart and every instance shares them.
        // With PostgreSQL there is no file to sit beside: they go to the default data folder (shared storage is up to the deployment).
        services.AddDataProtection().SetApplicationName("Annotate");
        // The folder is created 0700 before the repository would create it with the umask's mode (its files are 0600).
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<AnnotateOptions>>((keys, options) =>
        {
            var folder = options.Value.Keys ?? Path.Combine(Path.GetDirectoryName(KeysBeside(options.Value.DatabasePath))!, "keys");
            OwnerOnly.CreateFolder(folder);
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), NullLoggerFactory.Instance);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static string KeysBeside(string database) =>
        DatabaseTarget.IsPostgres(database) ? DefaultPaths.Database() : Path.GetFullPath(database);
}
