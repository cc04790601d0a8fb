namespace Annotate.Hosting;

/// <summary>
/// Every error is a ProblemDetails. A request the app cannot read (malformed JSON, a missing body) is the client's
/// mistake: it answers 400 with the reason, in every environment, rather than a bare 400 or a 500.
/// </summary>
internal static class ErrorHandling
{
    public static IServiceCollection AddAnnotateProblemDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Title = "Invalid request";
                context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json
                    ? $"{bad.Message} {json.Message}"
                    : bad.Message;
                if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } jsonError)
                {
                    // Name the field as validation errors do: "$.attribution.actor" is "attribution.actor".
                    var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
                    var message = jsonError.Message.Contains("could not be mapped", StringComparison.Ordinal)
                        ? $"'{field}' is not a known property; check its spelling."
                        : $"The value of '{field}' has the wrong JSON type (for example text where a number is expected).";
                    context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
                }
            }
        });
        return services;
    }

    /// <summary>
    /// JSON answers are compressed: a long article and its thousands of annotations are mostly repetitive text.
    /// Safe over HTTPS too, because no JSON body carries a secret next to text an attacker controls (BREACH).
    /// </summary>
    public static IServiceCollection AddAnnotateCompression(this IServiceCollection services) => services.AddResponseCompression(options =>
    {
        options.EnableForHttps = true;
        options.MimeTypes = ["application/json", "application/problem+json"];
        options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
        options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    }).Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);

    /// <summary>Answers a request from middleware (before any endpoint) with a ProblemDetails.</summary>
    public static Task WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    public static WebApplication UseAnnotateExceptionHandler(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // A client's malformed request is not a server error worth an error log line.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }
}
