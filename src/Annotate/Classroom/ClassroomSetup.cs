namespace Annotate.Classroom;

/// <summary>Classroom: join codes, personal links for students, and how documents are shared out.</summary>
internal static class ClassroomSetup
{
    public static IServiceCollection AddAnnotateClassroom(this IServiceCollection services)
    {
        services.AddSingleton<ClassroomStore>();
        services.AddSingleton<Assignments>();
        services.AddSingleton<StudentTickets>();
        services.AddSingleton<StudentWork>();
        services.AddSingleton<ClassInstruction>();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateClassroom(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Classroom").MapClassroom().MapStudentWork();
        return api;
    }
}
