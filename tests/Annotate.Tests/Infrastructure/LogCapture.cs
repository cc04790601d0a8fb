using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Annotate.Tests.Infrastructure;

/// <summary>Every log message the app writes, at every level, with its exception: for tests that check what logs never hold.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private static readonly Lock ErrorFileLock = new();

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            lines.Enqueue(line);
            // ANNOTATE_TEST_ERRORS=FILE collects every error any test app logs, to find failures behind a 500.
            if (logLevel >= LogLevel.Error && Environment.GetEnvironmentVariable("ANNOTATE_TEST_ERRORS") is { Length: > 0 } file)
            {
                lock (ErrorFileLock)
                {
                    File.AppendAllText(file, line + Environment.NewLine + Environment.NewLine);
                }
            }
        }
    }
}
