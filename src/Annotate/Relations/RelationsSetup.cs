namespace Annotate.Relations;

/// <summary>Relations between spans: stored and sequenced with the annotations, written by the same rules.</summary>
internal static class RelationsSetup
{
    public static IServiceCollection AddAnnotateRelations(this IServiceCollection services) => services.AddSingleton<RelationWriter>();

    public static RouteGroupBuilder MapAnnotateRelations(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Relations").MapRelations();
        return api;
    }
}
