namespace Annotate.Rounds;

/// <summary>Norming rounds: blind → reveal → discuss → revise, with a freeze while the class discusses.</summary>
internal static class RoundsSetup
{
    public static IServiceCollection AddAnnotateRounds(this IServiceCollection services)
    {
        services.AddSingleton<RoundStore>();
        services.AddSingleton<RoundService>();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateRounds(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Rounds").MapRounds();
        return api;
    }
}
