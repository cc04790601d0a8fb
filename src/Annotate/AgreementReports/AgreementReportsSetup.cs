using Annotate.Changes;

namespace Annotate.AgreementReports;

/// <summary>Inter-annotator agreement of a project or document, cached per revision; viewers are told when it changes.</summary>
internal static class AgreementReportsSetup
{
    public static IServiceCollection AddAnnotateAgreementReports(this IServiceCollection services)
    {
        services.AddSingleton<AgreementStore>();
        services.AddSingleton<AgreementWorker>();
        services.AddAgreementCacheOptions();
        services.AddSingleton<ServerPieces>();
        services.AddSingleton<AgreementService>();
        services.AddSingleton<GammaReports>();
        // Figures go stale the moment a change that moves them commits (before anyone is told of it).
        services.AddChangeSubscriber<AgreementInvalidation>();
        services.AddFiniteJsonNumbers();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateAgreementReports(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Agreement").MapAgreement().MapGamma();
        return api;
    }
}
