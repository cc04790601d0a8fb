namespace Annotate.Curation;

/// <summary>Curation: everyone's work side by side, and the gold layer made from it.</summary>
internal static class CurationSetup
{
    public static IServiceCollection AddAnnotateCuration(this IServiceCollection services)
    {
        services.AddSingleton<GoldWriter>();
        services.AddSingleton<GoldRelationWriter>();
        services.AddSingleton<CurationReader>();
        services.AddSingleton<AcceptAgreed>();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateCuration(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Curation").MapCuration();
        return api;
    }
}
