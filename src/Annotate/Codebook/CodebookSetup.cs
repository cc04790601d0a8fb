namespace Annotate.Codebook;

/// <summary>Codebooks: loaded with the corpus, versioned per collection.</summary>
internal static class CodebookSetup
{
    public static IServiceCollection AddAnnotateCodebooks(this IServiceCollection services)
    {
        services.AddSingleton<CodebookLoader>();
        services.AddSingleton<CodebookStore>();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateCodebooks(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Codebooks").MapCodebooks();
        return api;
    }
}
