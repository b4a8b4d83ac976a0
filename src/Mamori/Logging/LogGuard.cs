using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Host.Logging;

/// <summary>
/// The last step before every logging provider, whatever the configuration says:
/// <list type="bullet">
/// <item>ASP.NET Core's own records below Warning are dropped: they carry request lines with their query strings,
/// paths, route values that failed to match, bound parameters and handler arguments;</item>
/// <item>an exception reaches the providers as a <see cref="LoggedException"/>: type, codes and stack trace, never
/// the message, which may repeat what it was given (an unknown name, a duplicate key, text that failed to parse);</item>
/// <item>ASP.NET Core's per-request scope loses the request path, which a caller types.</item>
/// </list>
/// It wraps the logger factory that <c>EnableRedaction()</c> installs, so classified values are redacted as well.
/// </summary>
internal sealed class LogGuard(ILoggerFactory inner) : ILoggerFactory
{
    private const string FrameworkCategory = "Microsoft.AspNetCore";
    private const string RequestPathKey = "RequestPath";

    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Puts the guard around the logger factory registered last (call it after <c>EnableRedaction()</c>).</summary>
    public static void Install(IServiceCollection services)
    {
        var factoryType = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))?.ImplementationType
            ?? throw new InvalidOperationException("The log guard wraps a logger factory type; register logging first.");
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp => new LogGuard((ILoggerFactory)ActivatorUtilities.CreateInstance(sp, factoryType)));
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, category =>
            new GuardedLogger(inner.CreateLogger(category), category.StartsWith(FrameworkCategory, StringComparison.Ordinal)));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class GuardedLogger(ILogger inner, bool isFramework) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => Passes(logLevel) && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Passes(logLevel))
                inner.Log(logLevel, eventId, state, LoggedException.From(exception), formatter);
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            state is IReadOnlyList<KeyValuePair<string, object?>> values && values.Any(v => v.Key == RequestPathKey)
                ? inner.BeginScope(new ScopeValues([.. values.Where(v => v.Key != RequestPathKey)]))
                : inner.BeginScope(state);

        private bool Passes(LogLevel logLevel) => !isFramework || logLevel >= LogLevel.Warning;
    }

    /// <summary>A scope's remaining values, written the way ASP.NET Core writes its own (<c>Key:Value …</c>).</summary>
    private sealed class ScopeValues(KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => values.Length;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(' ', values.Select(v => $"{v.Key}:{v.Value}"));
    }
}
