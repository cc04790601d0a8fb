using System.Net;
using Annotate.Projects;

namespace Annotate.Hosting;

/// <summary>
/// Decides per request whether it comes from this machine's keyboard (local mode: display-name sign-in, any annotator
/// may switch a project's visibility). Only when configuration allows local mode, the socket's peer is a loopback
/// address, no proxy header is present and the Host is a loopback name. A reverse proxy on the same machine connects
/// from 127.0.0.1 too, which is why its headers count: behind one, every request is from the network.
/// </summary>
internal static class LocalRequests
{
    private const string VerdictKey = "annotate.local-request";

    // Any of these means a proxy relayed the request; read raw, before UseForwardedHeaders consumes them.
    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Real-IP"];

    /// <summary>
    /// The verdict for this request (false when none was made). A hub connection's HttpContext is the request
    /// that opened it, with its Items copied, so hub code reads it through Context.GetHttpContext().
    /// </summary>
    public static bool IsLocal(this HttpContext context) => context.Items[VerdictKey] is true;

    /// <summary>Must run before UseForwardedHeaders, which rewrites the remote address and removes the headers it read.</summary>
    public static IApplicationBuilder UseLocalRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var mode = context.RequestServices.GetRequiredService<AccessMode>();
        var host = context.Request.Host.Host;
        if (mode.LoopbackHostsOnly && !AccessMode.IsLoopbackName(host))
        {
            await context.WriteProblemAsync(StatusCodes.Status421MisdirectedRequest, "Unknown host name",
                $"This server runs in local mode and answers only to localhost, 127.0.0.1 and [::1], not to '{host}'. " +
                "A server reached by a name (behind a reverse proxy) needs Annotate:LocalMode=false and AllowedHosts set to that name.");
            return;
        }

        context.Items[VerdictKey] = mode.LocalAllowed && FromThisMachine(context.Request, context.Connection.RemoteIpAddress);
        await next(context);
    });

    private static bool FromThisMachine(HttpRequest request, IPAddress? remote) =>
        remote is not null
        && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
        && !ProxyHeaders.Any(request.Headers.ContainsKey)
        && AccessMode.IsLoopbackName(request.Host.Host);
}
