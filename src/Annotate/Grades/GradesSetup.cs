using Annotate.Rounds;

namespace Annotate.Grades;

/// <summary>The grade sheet (issue 16, point 10): active time, scores kept at each round's end, the sheet as JSON and CSV.</summary>
internal static class GradesSetup
{
    public static IServiceCollection AddAnnotateGrades(this IServiceCollection services)
    {
        services.AddSingleton<ActiveTime>();
        services.AddSingleton<ClassScores>();
        services.AddSingleton<RoundScores>();
        services.AddSingleton<IRoundEnded>(provider => provider.GetRequiredService<RoundScores>());
        services.AddSingleton<GradeSheets>();
        return services;
    }

    public static RouteGroupBuilder MapAnnotateGrades(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Grades").MapGrades();
        return api;
    }
}
