using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Mamori.Bench.Macro;

/// <summary>A server process this benchmark started: Mamori's Release <c>mamori serve</c>, or the bare endpoint.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }
    public int Id => _process.Id;

    /// <summary>The Release build of <c>src/Mamori</c> (bench/run.sh builds it), serving the data directory.</summary>
    public static ServerProcess StartMamori(string dataDirectory, int port)
    {
        var root = RepositoryRoot();
        var executable = Path.Combine(root, "src", "Mamori", "bin", "Release", "net10.0", "mamori");
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Build Mamori in Release first (bench/run.sh does): {executable} is missing.");
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(executable, ["serve", "--data-dir", dataDirectory, "--urls", url, "--policy", MamoriServices.PolicyPath])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["MAMORI_ADMIN_PASSWORD"] = MamoriServices.AdminPassword;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new ServerProcess(Process.Start(start)!, url);
    }

    /// <summary>This assembly's <c>bare</c> mode: Kestrel with a constant JSON document, and one raw read of the data
    /// set's database (<see cref="BareEndpoint"/>).</summary>
    public static ServerProcess StartBare(int port, string dataDirectory)
    {
        var url = $"http://127.0.0.1:{port}";
        var database = Path.Combine(dataDirectory, Mamori.Storage.DatabaseSettings.SqliteFileName);
        var start = new ProcessStartInfo("dotnet", [typeof(BareEndpoint).Assembly.Location, "bare", "--urls", url, "--sqlite", database])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        return new ServerProcess(Process.Start(start)!, url);
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; the time since the process was started.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = _process.StartTime.ToUniversalTime() + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited ({_process.ExitCode}): {string.Join(Environment.NewLine, _output)}");
            try
            {
                using var response = await http.GetAsync(Url + "/healthz");
                if (response.IsSuccessStatusCode)
                    return DateTime.Now - _process.StartTime;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"{Url}/healthz did not answer within {timeout}: {string.Join(Environment.NewLine, _output)}");
    }

    /// <summary>The process's peak resident set (VmHWM) and current one (VmRSS), in MB, from /proc.</summary>
    public (double PeakMb, double CurrentMb) Memory()
    {
        var status = File.ReadAllText($"/proc/{_process.Id}/status");
        double Kb(string field) => double.Parse(Regex.Match(status, field + @":\s+(\d+) kB").Groups[1].Value, CultureInfo.InvariantCulture);
        return (Kb("VmHWM") / 1024, Kb("VmRSS") / 1024);
    }

    /// <summary>CPU time the process has used so far (user + system, from /proc; clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>Stops it as an operator would (SIGTERM, so SQLite closes cleanly), killing it if it does not stop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 20)
                _output.Dequeue();
        }
    }

    /// <summary>A port nothing listens on now (other programs on a shared machine may use fixed ones).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mamori.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Mamori.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// Load from wrk (one generator for both sides): N connections on two threads for a fixed time; each request picks a
/// person at random from a list, so the server sees many subjects, and the bare endpoint gets the same script.
/// </summary>
public static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, long Requests, long Errors, string Latency);

    public static async Task<Result> RunAsync(string url, string method, string pathPrefix, string? bodyFormat, IReadOnlyList<Guid> ids,
        string? apiKey, int connections, int seconds, string workDirectory)
    {
        var script = Path.Combine(workDirectory, $"wrk-{Guid.NewGuid():N}.lua");
        var headers = apiKey is null ? "" : $"[\"Authorization\"] = \"Bearer {apiKey}\", ";
        var body = bodyFormat is null ? "nil" : $"string.format('{bodyFormat}', id)";
        await File.WriteAllTextAsync(script, $$"""
            local ids = { {{string.Join(", ", ids.Select(i => $"\"{i}\""))}} }
            local headers = { {{headers}}["Content-Type"] = "application/json" }
            request = function()
              local id = ids[math.random(#ids)]
              return wrk.format("{{method}}", "{{pathPrefix}}" .. {{(bodyFormat is null ? "id" : "\"\"")}}, headers, {{body}})
            end
            """);
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        File.Delete(script);
        var rps = RequestsPerSecond().Match(output);
        if (wrk.ExitCode != 0 || !rps.Success)
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {output}{await wrk.StandardError.ReadToEndAsync()}");
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(output).Sum(x => long.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture));
        var p99 = Percentile99().Match(output);
        return new Result(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), requests, errors, p99.Success ? p99.Groups[1].Value : "?");
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"99%\s+(\S+)")]
    private static partial Regex Percentile99();
}
