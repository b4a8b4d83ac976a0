using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mamori.Host.Web;

/// <summary>
/// Behind a TLS proxy the connection comes from the proxy: without its X-Forwarded-For every visitor would share one
/// rate-limit partition, and without X-Forwarded-Proto receipts and cookies would say http. The headers are believed
/// only from the configured proxies (anyone else could forge them to dodge a limit), and only the last hop is taken.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddMamoriForwardedHeaders(this IServiceCollection services, IReadOnlyList<string> trustedProxies)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in trustedProxies)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else
                    o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }
}
