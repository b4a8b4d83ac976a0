using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mamori.Tests.Cli;

/// <summary>
/// A real <c>mamori serve</c> process (the built mamori.dll) on a free loopback port, as an operator runs it: for
/// tests that need more than one node, a crash (SIGKILL), or the executable's own start-up.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    public const string AdminPassword = "correct-horse-battery-staple";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts <c>mamori serve</c> over the data directory (and PostgreSQL database, if given) and waits for /healthz.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, string? database, IReadOnlyDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MAMORI_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment.Remove("MAMORI_MASTER_KEY");
        // Every test request comes from one address; the limits themselves are tested on the in-memory host.
        foreach (var limit in new[] { "MAMORI_CONSENT_POSTS_PER_MINUTE", "MAMORI_SIGNAL_BATCHES_PER_MINUTE", "MAMORI_FORM_POSTS_PER_MINUTE" })
            start.Environment[limit] = "1000000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mamori.dll"));
        foreach (var arg in new[] { "serve", "--urls", address.ToString().TrimEnd('/'), "--data-dir", dataDirectory,
                     "--policy", Infrastructure.MamoriHost.PolicyPath })
            start.ArgumentList.Add(arg);
        if (database is not null)
        {
            start.ArgumentList.Add("--database");
            start.ArgumentList.Add(database);
        }

        var serve = new ServeProcess(Process.Start(start)!, address);
        serve._process.OutputDataReceived += (_, e) => serve.Keep(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Keep(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        await serve.WaitUntilHealthyAsync();
        return serve;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mamori serve exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"mamori serve did not become healthy:\n{Output}");
    }

    /// <summary>A client of this node that keeps its own cookies and does not follow redirects.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null, string? apiKey = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer ends a process.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the node gracefully (SIGTERM), as a service manager does.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
