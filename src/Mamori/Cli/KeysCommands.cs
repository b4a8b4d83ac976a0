using System.CommandLine;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Staff;
using Mamori.Vault.Crypto;

namespace Mamori.Host.Cli;

/// <summary><c>mamori keys create</c>: a new API key, printed once. <c>mamori keys rotate</c>: a new master key.</summary>
public static class KeysCommands
{
    public const string MasterKeyVariable = "MAMORI_MASTER_KEY";

    public static Command Create() => new("keys", "API keys (create) and the master key ring (rotate).") { CreateApiKey(), Rotate() };

    private static Command CreateApiKey()
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. the site or system using it.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var create = new Command("create", "Create an API key; prints it once (only its hash is stored).") { name, role, dataDir, database };
        create.SetAction(async (result, ct) =>
        {
            await using var services = await AdminServices.OpenAsync(result.GetValue(dataDir)!, result.GetValue(database), ct);
            await using var scope = services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(result.GetValue(name)!, result.GetValue(role)!,
                AuditActors.CommandLine(Environment.UserName), ct);
            Console.WriteLine(created.Plaintext);
            await Console.Error.WriteLineAsync($"Created API key '{created.Key.Name}' with role {created.Key.Role}. It is shown only this once.");
            return 0;
        });
        return create;
    }

    private static Command Rotate()
    {
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var rotate = new Command("rotate",
            "Rotate the master key: a new key re-wraps every person's data key; item data is not re-encrypted. " +
            $"Uses {MasterKeyVariable} if set (and prints the new ring), else the key file in the data directory. Stop Mamori first.")
        {
            dataDir, database,
        };
        rotate.SetAction((result, ct) => RotateAsync(result.GetValue(dataDir)!, result.GetValue(database), Environment.GetEnvironmentVariable(MasterKeyVariable), ct));
        return rotate;
    }

    /// <summary>
    /// Rotates in an order that survives a crash at any point: the new ring (old keys and new) is kept before a single
    /// data key is re-wrapped under it, and old keys are dropped only once no data key needs them.
    /// </summary>
    private static async Task<int> RotateAsync(string dataDir, string? database, string? configured, CancellationToken ct)
    {
        var store = string.IsNullOrWhiteSpace(configured) ? RingStore.InKeyFile(dataDir) : RingStore.InConfiguration(configured);
        var clock = TimeProvider.System;
        var ring = store.Load();
        await using var services = await AdminServices.OpenAsync(dataDir, database, ct);
        await Console.Error.WriteLineAsync("Rotating the master key. Mamori must not be running: a running node keeps the old ring in memory.");

        var rotated = ring.Rotate(clock);
        await store.KeepAsync(rotated, "the new key and the old ones; it reads every data key during and after re-wrapping");

        await using var scope = services.CreateAsyncScope();
        var vault = new KeyVault(scope.ServiceProvider.GetRequiredService<MamoriDb>(), rotated, ShreddedKeyLog.InDataDirectory(dataDir), clock);
        var toRewrap = await vault.CountToRewrapAsync(ct);
        var progress = Console.IsErrorRedirected ? null : new TerminalProgress("Re-wrapping data keys", toRewrap);
        var rewrapped = await vault.RewrapAllAsync(progress, ct);
        progress?.Done();

        var inUse = await vault.MasterKeyIdsInUseAsync(ct);
        var retired = rotated.Keys.Where(k => k.Id != rotated.Current.Id && !inUse.Contains(k.Id)).Select(k => k.Id).ToList();
        var final = retired.Aggregate(rotated, (r, id) => r.Without(id));
        if (retired.Count > 0)
            await store.KeepAsync(final, $"without the retired key(s) {string.Join(", ", retired)}");

        var report = store.Report;
        await report.WriteLineAsync($"New master key {final.Current.Id} (was {ring.Current.Id}).");
        await report.WriteLineAsync($"Re-wrapped {rewrapped} data key(s); item data was not re-encrypted.");
        await report.WriteLineAsync($"Retired {retired.Count} master key(s) no longer in use; the ring holds {final.Keys.Count} wrapping key(s).");
        await store.ConcludeAsync();
        return 0;
    }

    /// <summary>Where the ring lives: the key file, which Mamori saves, or the configuration, which only the operator
    /// can change — then the ring is printed for them, and the report goes to standard error to keep it apart.</summary>
    private abstract class RingStore
    {
        public abstract TextWriter Report { get; }

        public abstract MasterKeyRing Load();

        /// <param name="holds">What the ring holds, in words for the operator.</param>
        public abstract Task KeepAsync(MasterKeyRing ring, string holds);

        public virtual Task ConcludeAsync() => Task.CompletedTask;

        public static RingStore InKeyFile(string dataDir) => new KeyFile(MasterKeyFile.PathIn(dataDir));

        public static RingStore InConfiguration(string base64) => new ConfiguredRing(base64);

        private sealed class KeyFile(string path) : RingStore
        {
            public override TextWriter Report => Console.Out;

            public override MasterKeyRing Load() =>
                File.Exists(path)
                    ? MasterKeyFile.Load(path)
                    : throw new MamoriException(CryptoErrors.RingMissing, $"{MasterKeyVariable} is not set and there is no key file at {path}: nothing to rotate.");

            public override async Task KeepAsync(MasterKeyRing ring, string holds)
            {
                MasterKeyFile.Save(path, ring);
                await Console.Error.WriteLineAsync($"Saved {path}: {holds}.");
            }
        }

        private sealed class ConfiguredRing(string base64) : RingStore
        {
            private int _printed;

            public override TextWriter Report => Console.Error;

            public override MasterKeyRing Load() => MasterKeyRing.FromBase64(base64);

            public override async Task KeepAsync(MasterKeyRing ring, string holds)
            {
                if (_printed++ == 0)
                {
                    await Console.Error.WriteLineAsync(
                        $"{MasterKeyVariable} is set: the ring lives in your configuration, which Mamori cannot change. " +
                        "The new ring is printed on standard output before any data key is re-wrapped under it; keep it.");
                }
                await Console.Error.WriteLineAsync($"Ring {_printed} on standard output: {holds}.");
                await Console.Out.WriteLineAsync(ring.ToBase64());
                await Console.Out.FlushAsync();
            }

            public override Task ConcludeAsync() => Console.Error.WriteLineAsync(
                $"Store the ring printed last as {MasterKeyVariable} before starting Mamori again; the old value can no longer read the data keys.");
        }
    }

    /// <summary>A count rewritten in place on a terminal's standard error.</summary>
    private sealed class TerminalProgress(string what, int total) : IProgress<int>
    {
        private bool _shown;

        public void Report(int value)
        {
            Console.Error.Write($"\r{what}: {value}/{total}");
            _shown = true;
        }

        public void Done()
        {
            if (_shown)
                Console.Error.WriteLine();
        }
    }
}
