namespace Annotate.Exercises;

/// <summary>Classroom exercises against a teacher's key (issue 16, point 8).</summary>
internal static class ExercisesSetup
{
    public static IServiceCollection AddAnnotateExercises(this IServiceCollection services) => services.AddSingleton<ExerciseStore>().AddSingleton<ExerciseAttempts>();

    public static RouteGroupBuilder MapAnnotateExercises(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Exercises").MapExercises();
        return api;
    }
}
