using Mamori.Compliance;
using Mamori.Host.Logging;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Tests.Logging;

/// <summary>
/// The logging of <c>mamori serve</c> (MamoriLogging) on its own, without a database: what redaction does to each
/// class, and what the log guard holds back even when the configuration asks for everything.
/// </summary>
public sealed partial class LoggingPipelineTests : IAsyncDisposable
{
    private const string Email = "hanako.pipeline@example.jp";

    private readonly LogCapture _logs = new();
    private readonly WebApplication _app;

    public LoggingPipelineTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddMamoriLogging();
        // An operator turning every level up, the framework's included.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        builder.Logging.AddProvider(_logs);
        builder.Logging.AddFilter<LogCapture>(null, LogLevel.Trace);
        _app = builder.Build();
    }

    private ILogger Logger(string category) => _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    private IEnumerable<string> Texts => _logs.Records.SelectMany(r => r.Texts);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [LoggerMessage(9001, LogLevel.Information, "Contact {Email} of {PersonId}, consent {Consent}, password {Password}, purpose {Purpose}")]
    private static partial void Classified(ILogger logger, [PersonalData] string email, [Pseudonymous] Guid personId,
        [SensitiveData] string consent, [Secret] string password, [UncheckedInput] string purpose);

    [Fact]
    public void Every_class_but_pseudonymous_ids_is_erased()
    {
        var id = Guid.NewGuid();
        Classified(Logger("Mamori.Test"), Email, id, "consent-form-77", "hunter2hunter2", "purpose-typed-by-caller");

        var record = Assert.Single(_logs.Records);
        Assert.Equal($"Contact  of {id}, consent , password , purpose ", record.Message);
        Assert.DoesNotContain(Texts, t => t.Contains(Email, StringComparison.Ordinal) || t.Contains("consent-form-77", StringComparison.Ordinal)
            || t.Contains("hunter2", StringComparison.Ordinal) || t.Contains("typed-by-caller", StringComparison.Ordinal));
    }

    [Fact]
    public void Redaction_goes_by_classification_so_a_plain_argument_would_be_written()
    {
        // Why Mamori logs only through the classified methods of Log: nothing else is redacted.
        Logger("Mamori.Test").LogInformation("Contact {Email}", Email);

        Assert.Contains(Texts, t => t.Contains(Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Framework_records_below_warning_are_dropped_whatever_the_configuration()
    {
        var hosting = Logger("Microsoft.AspNetCore.Hosting.Diagnostics");
        Assert.False(hosting.IsEnabled(LogLevel.Information));
        hosting.LogInformation("Request starting GET /privacy?email={Email}", Email);
        hosting.LogWarning("A framework warning");
        Logger("Mamori.Test").LogDebug("Mamori's own debug record");

        Assert.Equal(["A framework warning", "Mamori's own debug record"], _logs.Records.Select(r => r.Message));
    }

    [Fact]
    public void An_exception_is_logged_by_type_codes_and_stack_trace_without_its_message()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("Saving failed",
                new MamoriException("person.kind_unknown", $"Unknown subject kind '{Email}'."));
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }
        Logger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware").LogError(thrown, "An unhandled exception has occurred.");

        var exception = Assert.Single(_logs.Records).Exception!;
        Assert.DoesNotContain(Email, exception, StringComparison.Ordinal);
        Assert.DoesNotContain("Saving failed", exception, StringComparison.Ordinal);
        Assert.StartsWith("System.InvalidOperationException (message withheld from logs) ---> Mamori.MamoriException [person.kind_unknown]", exception, StringComparison.Ordinal);
        Assert.Contains(nameof(An_exception_is_logged_by_type_codes_and_stack_trace_without_its_message), exception, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_path_leaves_the_request_scope()
    {
        var hosting = Logger("Microsoft.AspNetCore.Hosting.Diagnostics");
        KeyValuePair<string, object?>[] scope = [new("RequestPath", "/api/v1/persons/" + Email), new("RequestId", "0HN-1")];
        using (hosting.BeginScope(scope))
        {
            Logger("Mamori.Test").LogInformation("Inside a request");
        }

        var texts = Assert.Single(_logs.Records).Texts;
        Assert.Contains("RequestId:0HN-1", texts);
        Assert.DoesNotContain(texts, t => t.Contains(Email, StringComparison.Ordinal));
    }
}
