namespace Annotate.Export;

/// <summary>Exports of a project as a zip archive with its dataset card.</summary>
internal static class ExportSetup
{
    public static RouteGroupBuilder MapAnnotateExport(this RouteGroupBuilder api)
    {
        api.MapGroup("").WithTags("Export").MapExport();
        return api;
    }
}
