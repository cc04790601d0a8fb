using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Annotate.Hosting;

/// <summary>
/// Secrets that travel in URLs never reach a log: the hub's access_token (browsers cannot send headers on WebSockets
/// or Server-Sent Events) and a class link's ticket. ASP.NET Core logs every request's full URL ("Request starting",
/// Information) and other components log it at Debug and Trace, so rather than trusting each of them, every message,
/// structured value, scope and exception passes through here on its way to any sink.
/// </summary>
internal static partial class LogRedaction
{
    public const string Mask = "[redacted]";

    // The name, '=' (or its escaped form inside another URL), then the value up to the next separator.
    [GeneratedRegex(@"(?<name>access_token|ticket)(?<equals>=|%3D)[^&\s""'<>#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    public static string Redact(string text) =>
        text.Contains("access_token", StringComparison.OrdinalIgnoreCase) || text.Contains("ticket", StringComparison.OrdinalIgnoreCase)
            ? Secret().Replace(text, "${name}${equals}" + Mask)
            : text;

    /// <summary>Puts every logger the app creates, whichever provider it writes to, behind the redaction.</summary>
    public static ILoggingBuilder AddLogRedaction(this ILoggingBuilder logging)
    {
        // The same LoggerFactory the host registers, with the providers added until the container is built (tests add theirs last).
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return logging;
    }

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            state is IEnumerable<KeyValuePair<string, object?>> values && RedactedState.From(values, () => state.ToString() ?? "") is { } redacted
                ? inner.BeginScope(redacted)
                : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            // Kestrel puts a rejected request line in its exception's message, and sinks print the whole exception.
            var exceptionText = exception?.ToString();
            var shown = exceptionText is not null && Redact(exceptionText) is var maskedText && !ReferenceEquals(maskedText, exceptionText)
                ? new RedactedException(exception!, maskedText)
                : exception;
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            if (RedactedState.From(values, () => formatter(state, exception)) is { } redacted)
            {
                inner.Log(logLevel, eventId, redacted, shown, static (s, _) => s.ToString());
            }
            else
            {
                inner.Log(logLevel, eventId, state, shown, formatter);
            }
        }
    }

    /// <summary>Stands in for an exception whose text held a secret: its message, trace and inner exceptions, masked.</summary>
    private sealed class RedactedException(Exception original, string text) : Exception(Redact(original.Message))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() => text;
    }

    /// <summary>A message and its structured values with the secrets masked; structured sinks read the values, text sinks ToString().</summary>
    private sealed class RedactedState(string message, List<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        /// <summary>Null when nothing needed masking, so the original state goes on untouched (and nothing is allocated).</summary>
        public static RedactedState? From(IEnumerable<KeyValuePair<string, object?>> state, Func<string> message)
        {
            var original = message();
            var masked = Redact(original);
            List<KeyValuePair<string, object?>>? values = null;
            var index = 0;
            foreach (var (key, value) in state)
            {
                // Numbers, dates and enums hold no URL; PathString, QueryString and Uri do, as text.
                var text = value is string s ? s : value is null or IConvertible ? null : value.ToString();
                if (text is not null && Redact(text) is var redacted && !ReferenceEquals(redacted, text))
                {
                    values ??= [.. state.Take(index)];
                    values.Add(new(key, redacted));
                }
                else
                {
                    values?.Add(new(key, value));
                }

                index++;
            }

            return values is not null || !ReferenceEquals(masked, original) ? new RedactedState(masked, values ?? [.. state]) : null;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
