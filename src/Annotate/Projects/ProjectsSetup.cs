namespace Annotate.Projects;

/// <summary>Projects: their settings, members and roles, annotators' attributes, and who may do what in them.</summary>
internal static class ProjectsSetup
{
    public static IServiceCollection AddAnnotateProjects(this IServiceCollection services)
    {
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<AnnotatorStore>();
        services.AddSingleton<ProjectMembers>();
        services.AddSingleton<ProjectAccess>();
        services.AddSingleton(sp => AccessMode.From(sp.GetRequiredService<IConfiguration>()));
        return services;
    }

    public static RouteGroupBuilder MapAnnotateProjects(this RouteGroupBuilder api)
    {
        var projects = api.MapGroup("").WithTags("Projects");
        projects.MapProjects();
        projects.MapAnnotators();
        projects.MapMembers();
        return api;
    }
}
