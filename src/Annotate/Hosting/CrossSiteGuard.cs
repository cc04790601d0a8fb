namespace Annotate.Hosting;

/// <summary>
/// A request that changes something must carry the X-Requested-With header. A plain HTML form
/// or image on another site cannot set it, and a script on another site cannot without a CORS preflight we never
/// grant. Together with SameSite=Strict cookies this closes cross-site request forgery.
/// </summary>
internal static class CrossSiteGuard
{
    public const string HeaderName = "X-Requested-With";

    public static RouteGroupBuilder RequireSameSiteWrites(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
            // A token is sent deliberately by a script; only cookies ride along on a forged cross-site request.
            if (safe || request.Headers.ContainsKey(HeaderName) || Annotate.Sessions.SessionUsers.ByToken(context.HttpContext.User))
            {
                return await next(context);
            }

            return TypedResults.Problem(
                title: "Missing request header",
                detail: $"Requests that change data must send the header '{HeaderName}: annotate' (cross-site request protection).",
                statusCode: StatusCodes.Status400BadRequest);
        });
        return api;
    }
}
