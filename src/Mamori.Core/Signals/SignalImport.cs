using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Signals;

/// <summary>How far an import has got (for a progress line).</summary>
public readonly record struct ImportProgress(long Lines, long BytesRead, long TotalBytes);

/// <summary>A line that was not imported: its number (from 1) and why.</summary>
public sealed record RejectedLine(long Line, string Reason);

/// <param name="LinesRead">Log lines read (blank lines are not counted).</param>
/// <param name="AlreadyImported">Events of chunks stored by an earlier import of the same file (not stored again).</param>
public sealed record ImportSummary(long LinesRead, long Accepted, long Rejected, long AlreadyImported);

/// <summary>
/// Loads a web server access log through the same gate and writer as the API, in chunks of
/// <see cref="SignalLimits.MaxEventsPerBatch"/> events. A chunk's batch ID is the file's hash and the chunk's number,
/// so importing the same file again stores nothing twice. A few chunks are in flight at once so that they share commits.
/// </summary>
public sealed class SignalImport(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int ChunksInFlight = 4;

    public async Task<ImportSummary> ImportAsync(string path, string site, string postedBy, Action<RejectedLine> rejected,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var fileId = await FileIdAsync(path, ct);
        var inFlight = new List<Task<IngestResult>>();
        var chunk = new List<SignalEvent?>(SignalLimits.MaxEventsPerBatch);
        long lineNumber = 0, read = 0, accepted = 0, rejectedCount = 0, already = 0, chunks = 0;
        var now = clock.GetUtcNow();

        async Task CollectAsync(Task<IngestResult> done)
        {
            inFlight.Remove(done);
            var result = await done;
            if (result.Replayed)
                already += result.Outcome.Accepted;
            else
                accepted += result.Outcome.Accepted;
        }

        async Task SendAsync()
        {
            if (inFlight.Count >= ChunksInFlight)
                await CollectAsync(await Task.WhenAny(inFlight));
            inFlight.Add(IngestAsync(site, postedBy, new SignalBatchInput($"import-{fileId}-{chunks++}", [.. chunk]), ct));
            chunk.Clear();
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            read++;
            var (parsed, error) = AccessLog.Parse(line);
            try
            {
                if (parsed is not null)
                    chunk.Add(SignalValidation.Check(0, parsed, now));
            }
            catch (SignalEventInvalidException invalid)
            {
                error = $"{invalid.Field}: {invalid.Reason}";
            }
            if (error is not null)
            {
                rejectedCount++;
                rejected(new RejectedLine(lineNumber, error));
                continue;
            }
            if (chunk.Count == SignalLimits.MaxEventsPerBatch)
                await SendAsync();
            if (read % 10_000 == 0)
                progress?.Report(new ImportProgress(read, stream.Position, stream.Length));
        }
        if (chunk.Count > 0)
            await SendAsync();
        while (inFlight.Count > 0)
            await CollectAsync(inFlight[0]);
        progress?.Report(new ImportProgress(read, stream.Length, stream.Length));
        return new ImportSummary(read, accepted, rejectedCount, already);
    }

    private async Task<IngestResult> IngestAsync(string site, string postedBy, SignalBatchInput batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignalIngestion>().IngestAsync(site, postedBy, batch, ct);
    }

    private static async Task<string> FileIdAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct))[..16];
    }
}
