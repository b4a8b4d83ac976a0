using Mamori.Compliance;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace Mamori.Host.Logging;

/// <summary>
/// How <c>mamori serve</c> logs. Mamori's own records carry ids, policy ids and codes, with every parameter that could
/// hold a value classified (<see cref="MamoriTaxonomy"/>) and redacted by its class; the framework's records are held
/// back by the <see cref="LogGuard"/> where they would carry request data. The written-out rules are in
/// docs/operations.md ("Logs").
/// </summary>
public static class MamoriLogging
{
    public static WebApplicationBuilder AddMamoriLogging(this WebApplicationBuilder builder)
    {
        // A default an operator may change (Logging:LogLevel): EF Core never logs parameter values, since sensitive
        // data logging is never enabled, so its SQL is safe to see while debugging.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // No discriminator: it only matters for hashing redactors, and would append the tag name to every id.
        builder.Logging.EnableRedaction(o => o.ApplyDiscriminator = false);
        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<ErasingRedactor>(
                new DataClassificationSet(MamoriTaxonomy.PersonalData),
                new DataClassificationSet(MamoriTaxonomy.SensitiveData),
                new DataClassificationSet(MamoriTaxonomy.Secret),
                new DataClassificationSet(MamoriTaxonomy.UncheckedInput));
            redaction.SetRedactor<NullRedactor>(new DataClassificationSet(MamoriTaxonomy.Pseudonymous));
            // A class nobody mapped here is treated as the worst case.
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });

        // A refused request (a MamoriException, a body that cannot be read) is the caller's mistake, not a server
        // error, and its message may repeat what the caller sent: Problems logs its code instead.
        builder.Services.Configure<ExceptionHandlerOptions>(o =>
            o.SuppressDiagnosticsCallback = c => c.Exception is MamoriException or BadHttpRequestException);

        LogGuard.Install(builder.Services);
        return builder;
    }
}
