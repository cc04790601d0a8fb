namespace Annotate.Annotations;

/// <summary>Annotations and document labels: validated against text and codebook, idempotent upserts by client id.</summary>
internal static class AnnotationsSetup
{
    public static IServiceCollection AddAnnotateAnnotations(this IServiceCollection services)
    {
        services.AddSingleton<AnnotationStore>();
        services.AddSingleton<AnnotationReader>();
        services.AddSingleton<AnnotationWriter>();
        services.AddSingleton<AnnotationPublisher>();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateAnnotations(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Annotations").MapAnnotations();
        return api;
    }
}
