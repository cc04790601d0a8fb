namespace Annotate.Corpus;

/// <summary>The corpus folder, loaded in the background and watched; the documents read from it.</summary>
internal static class CorpusSetup
{
    public static IServiceCollection AddAnnotateCorpus(this IServiceCollection services)
    {
        services.AddSingleton<CorpusStatus>();
        services.AddSingleton<CorpusStatusView>();
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<ArticleHtml>();
        services.AddSingleton<ReaderHtml>();
        services.AddSingleton<ReaderWarmUp>();
        services.AddSingleton<VersionTexts>();
        services.AddSingleton<CorpusWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CorpusWatcher>());
        return services;
    }

    public static RouteGroupBuilder MapAnnotateCorpus(this RouteGroupBuilder api)
    {
        var corpus = api.MapGroup("").WithTags("Corpus");
        corpus.MapDocuments();
        corpus.MapCorpus();
        return api;
    }
}
