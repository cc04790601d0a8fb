using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Annotate.Changes;

/// <summary>The committed-change feed; features add their subscribers in their own setup.</summary>
internal static class ChangesSetup
{
    public static IServiceCollection AddAnnotateChanges(this IServiceCollection services)
    {
        services.TryAddSingleton<ICommittedChanges, ChangeFeed>();
        return services;
    }

    /// <summary>Subscribers are told in the order they were added.</summary>
    public static IServiceCollection AddChangeSubscriber<T>(this IServiceCollection services)
        where T : class, IChangeSubscriber
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IChangeSubscriber>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
