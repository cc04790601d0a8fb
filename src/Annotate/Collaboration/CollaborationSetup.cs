using Annotate.Changes;
using Microsoft.AspNetCore.SignalR;

namespace Annotate.Collaboration;

/// <summary>Live collaboration: the SignalR hub pushes committed changes and presence; visibility is checked per change.</summary>
internal static class CollaborationSetup
{
    public static IServiceCollection AddAnnotateCollaboration(this IServiceCollection services, string? redis)
    {
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<PresenceRoute>();
        services.AddSingleton<AgreementViewers>();
        services.AddSingleton<ClassWatchers>();
        services.AddSingleton<MembershipSweep>();
        services.AddSingleton<HubConnectionLimit>();
        services.AddHostedService(sp => sp.GetRequiredService<MembershipSweep>());
        services.AddSingleton<VisibilityWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<VisibilityWatch>());
        services.AddSingleton<DocumentSessions>();
        // Told of every committed change: pushes it to the clients allowed to see it, and tells agreement viewers.
        services.AddChangeSubscriber<LivePush>();
        services.AddChangeSubscriber<AgreementNotifier>();
        // One guard for all calls, so each user's token bucket outlives a single invocation.
        services.AddSingleton<HubGuard>();
        services.AddSignalR(options =>
        {
            options.AddFilter<HubGuard>();
            // Larger messages close the connection before they are buffered: no call of ours needs more.
            options.MaximumReceiveMessageSize = 32 * 1024;
        }).AddAnnotateBackplane(redis);
        return services;
    }

    public static IEndpointRouteBuilder MapAnnotateCollaboration(this IEndpointRouteBuilder app)
    {
        app.MapHub<AnnotationHub>("/hubs/annotations");
        return app;
    }
}
