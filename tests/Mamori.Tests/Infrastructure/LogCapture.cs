using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mamori.Tests.Infrastructure;

/// <summary>One log record as a provider received it: everything a sink could write out.</summary>
/// <param name="Texts">The message, the exception's full text, every state value and every scope value, as strings.</param>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string? Exception, IReadOnlyList<string> Texts)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}";
}

/// <summary>
/// A logging provider that keeps every record it is given, with its state and the scopes around it, so a test can
/// look for values that must never reach a log. Registered at Trace for every category (see
/// <see cref="LogCapturingHost"/>): whatever a sink could be configured to receive, this one receives.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var texts = new List<string> { message };
            if (exception is not null)
                texts.Add(exception.ToString());
            AddValues(texts, state);
            capture._scopes.ForEachScope((scope, list) => AddValues(list, scope), texts);
            capture._records.Enqueue(new CapturedLog(category, logLevel, eventId, message, exception?.ToString(), texts));
        }

        private static void AddValues(List<string> texts, object? state)
        {
            if (state is null)
                return;
            texts.Add(state.ToString() ?? "");
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                    texts.Add($"{key}={Describe(value)}");
            }
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => i?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}
