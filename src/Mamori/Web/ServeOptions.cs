namespace Mamori.Host.Web;

/// <summary>What <c>mamori serve</c> was asked to do.</summary>
public sealed record ServeOptions
{
    public string Urls { get; init; } = "http://localhost:5080";
    public string DataDirectory { get; init; } = "data";
    /// <summary>A PostgreSQL connection string; null means SQLite in the data directory.</summary>
    public string? Database { get; init; }
    public string? PolicyFile { get; init; }
    public bool Demo { get; init; }
    /// <summary>Sign-in attempts (password or code posts) allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;
    /// <summary>Consent posts (banner choices, the settings form) allowed per client address per minute.</summary>
    public int ConsentPostsPerMinute { get; init; } = 30;
    /// <summary>Signal batches allowed per client address per minute (a site key may sit in a page, so anyone can post with it).</summary>
    public int SignalBatchesPerMinute { get; init; } = 600;
    /// <summary>Posts of the public forms under /privacy (inquiry, request forms) allowed per client address per minute.</summary>
    public int PublicFormPostsPerMinute { get; init; } = 10;
    /// <summary>Inquiry form posts allowed per client address per hour.</summary>
    public int InquiryPostsPerHour { get; init; } = 10;
    /// <summary>Origins of the agency's sites that load /consent.js and post choices to Mamori (CORS), e.g. https://www.example.co.jp.</summary>
    public IReadOnlyList<string> SiteOrigins { get; init; } = [];
    /// <summary>How signals are reduced at the door beyond consent (MAMORI_TRUNCATE_IP).</summary>
    public Mamori.Signals.SignalSettings Signals { get; init; } = new();
    /// <summary>The master key ring as base64 (MAMORI_MASTER_KEY), for production; null means the key file in the data directory.</summary>
    public string? MasterKey { get; init; }
    /// <summary>Addresses or networks (CIDR) of the TLS proxies in front of Mamori (MAMORI_TRUSTED_PROXIES). Only their
    /// X-Forwarded-For and X-Forwarded-Proto are believed; empty means no proxy, and the headers are ignored.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
    /// <summary>The first admin's password (MAMORI_ADMIN_PASSWORD); generated and printed once when null.</summary>
    public string? AdminPassword { get; init; }
    /// <summary>Runs the daily background work (retention, which includes the provision-record purge). Test hosts turn
    /// it off and run the work themselves on the fake clock.</summary>
    public bool ScheduledJobs { get; init; } = true;

    /// <summary>The agency's policy shipped beside the executable, or policy/ in the working directory.</summary>
    public string ResolvePolicyFile()
    {
        if (!string.IsNullOrWhiteSpace(PolicyFile))
            return Path.GetFullPath(PolicyFile);
        var local = Path.GetFullPath(Path.Combine("policy", "policy.yaml"));
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "policy", "policy.yaml");
    }
}
