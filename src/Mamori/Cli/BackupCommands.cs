using System.CommandLine;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Storage;
using Mamori.Storage.Backup;
using Mamori.Vault.Crypto;

namespace Mamori.Host.Cli;

/// <summary>
/// <c>mamori backup FILE</c>: a consistent copy of the database and the data directory's key files while Mamori
/// serves. <c>mamori restore FILE</c>: puts one back, and destroys again the keys of everyone erased since (ADR-011).
/// </summary>
public static class BackupCommands
{
    private const string KeyFilePart = MasterKeyFile.FileName;
    private const string ShredLogPart = ShreddedKeyLog.FileName;

    public static IEnumerable<Command> Create() => [Backup(), Restore()];

    private static Command Backup()
    {
        var file = new Argument<string>("FILE") { Description = "The archive to write (a tar file; it holds the key file, so keep it as safe as the keys)." };
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var command = new Command("backup", "Copy the database and the key files into one archive, consistently, while Mamori serves.") { file, dataDir, database };
        command.SetAction(async (result, ct) =>
        {
            var directory = result.GetValue(dataDir)!;
            var settings = DatabaseSettings.For(directory, result.GetValue(database));
            var archive = Path.GetFullPath(result.GetValue(file)!);
            if (!await DatabaseBackup.HasDataAsync(settings, ct))
                throw new MamoriException(BackupCodes.SourceMissing, $"There is no Mamori database at {settings.Describe()}.");

            // Taking a copy of every person's data is itself recorded, and the record is in the copy.
            await AppendAuditAsync(directory, result.GetValue(database), AuditActions.BackupTaken, Path.GetFileName(archive), ct);

            var work = Directory.CreateTempSubdirectory("mamori-backup-");
            try
            {
                var snapshot = await DatabaseBackup.CopyAsync(settings, work.FullName, ct);
                var parts = new Dictionary<string, string> { [snapshot.FileName] = Path.Combine(work.FullName, snapshot.FileName) };
                // After the snapshot: a person erased meanwhile is in this log, and restoring it destroys their key again.
                foreach (var name in new[] { KeyFilePart, ShredLogPart })
                {
                    var source = Path.Combine(directory, name);
                    if (File.Exists(source))
                        File.Copy(source, parts[name] = Path.Combine(work.FullName, name));
                }
                var manifest = new BackupManifest(BackupManifest.CurrentFormat, settings.Provider, TimeProvider.System.GetUtcNow(),
                    snapshot.Tables, snapshot.AuditEntries, snapshot.AuditHeadHash, new Dictionary<string, string>());
                await BackupArchive.WriteAsync(archive, manifest, parts, ct);

                Console.WriteLine($"Backed up {settings.Describe()} to {archive}: {snapshot.Tables.Count} tables, {snapshot.Tables.Values.Sum()} rows.");
                Console.WriteLine($"Audit trail: {snapshot.AuditEntries} entries, head hash {snapshot.AuditHeadHash}.");
                if (!parts.ContainsKey(KeyFilePart))
                {
                    await Console.Error.WriteLineAsync(
                        $"note: no key file in {directory}: the master key ring is in configuration ({KeysCommands.MasterKeyVariable}); keep it with this backup.");
                }
                return 0;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    private static Command Restore()
    {
        var file = new Argument<string>("FILE") { Description = "An archive written by mamori backup." };
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var force = new Option<bool>("--force") { Description = "Replace a target that already holds a database or a key file." };
        var shredLogs = new Option<string[]>("--shredded-log")
        {
            Description = "Another copy of shredded-keys.log (e.g. kept off-site) whose erasures must hold too; may be repeated.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("restore",
            "Put a backup back. Stop every Mamori node first. Persons erased after the backup was taken stay erased.")
        {
            file, dataDir, database, force, shredLogs,
        };
        command.SetAction(async (result, ct) =>
        {
            var directory = result.GetValue(dataDir)!;
            var connection = result.GetValue(database);
            var settings = DatabaseSettings.For(directory, connection);
            var archive = Path.GetFullPath(result.GetValue(file)!);
            var work = Directory.CreateTempSubdirectory("mamori-restore-");
            try
            {
                var manifest = await BackupArchive.ExtractAsync(archive, work.FullName, ct);
                var keyFile = MasterKeyFile.PathIn(directory);
                var hasKeyFile = manifest.Parts.ContainsKey(KeyFilePart);
                if (!result.GetValue(force) && (await DatabaseBackup.HasDataAsync(settings, ct) || (hasKeyFile && File.Exists(keyFile))))
                {
                    throw new MamoriException(BackupCodes.TargetNotEmpty,
                        $"{settings.Describe()} (or the key file in {directory}) already holds data; restore replaces it only with --force.");
                }
                if (manifest.Provider != settings.Provider)
                {
                    throw new MamoriException(BackupCodes.ProviderMismatch,
                        $"The archive holds a {manifest.Provider} database; the target is {settings.Describe()}.");
                }

                var counts = await DatabaseBackup.RestoreAsync(settings, manifest, work.FullName, ct);
                if (!counts.SequenceEqual(manifest.Tables))
                    throw new MamoriException(BackupCodes.CountsDiffer, "The restored database's row counts differ from the archive's manifest.");

                Directory.CreateDirectory(directory);
                if (hasKeyFile)
                    MasterKeyFile.Save(keyFile, MasterKeyFile.Load(Path.Combine(work.FullName, KeyFilePart)));

                // The target's log is kept, never replaced by the archive's older one; the archive's and any named
                // copies only add to it. Then every logged person's key is destroyed again.
                var log = ShreddedKeyLog.InDataDirectory(directory);
                var known = log.ReadAll().Select(s => s.PersonId).ToHashSet();
                var sources = (result.GetValue(shredLogs) ?? []).Select(Path.GetFullPath).ToList();
                if (manifest.Parts.ContainsKey(ShredLogPart))
                    sources.Add(Path.Combine(work.FullName, ShredLogPart));
                foreach (var entry in sources.SelectMany(s => new ShreddedKeyLog(s).ReadAll()))
                {
                    if (known.Add(entry.PersonId))
                        log.Append(entry);
                }

                var reapplied = await ReapplyShreddingAsync(directory, connection, log, ct);
                await AppendAuditAsync(directory, connection, AuditActions.BackupRestored, Path.GetFileName(archive), ct);

                Console.WriteLine($"Restored {settings.Describe()} from {archive} (taken {manifest.CreatedAt:u}): {counts.Count} tables, {counts.Values.Sum()} rows.");
                Console.WriteLine($"Audit trail as backed up: {manifest.AuditEntries} entries, head hash {manifest.AuditHeadHash}. Run mamori audit verify.");
                Console.WriteLine(reapplied is null
                    ? $"Erasures: the master key ring is not available here; they are re-applied when Mamori starts."
                    : $"Erasures re-applied: {reapplied.KeysDestroyed} data key(s) destroyed again, {reapplied.TombstonesRestored} tombstone(s) restored.");
                return 0;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    private static async Task<KeyVault.Reapplied?> ReapplyShreddingAsync(string directory, string? database, ShreddedKeyLog log, CancellationToken ct)
    {
        var configured = Environment.GetEnvironmentVariable(KeysCommands.MasterKeyVariable);
        if (string.IsNullOrWhiteSpace(configured) && !File.Exists(MasterKeyFile.PathIn(directory)))
            return null; // never make a new ring here: it could open nothing
        await using var services = await AdminServices.OpenAsync(directory, database, ct);
        await using var scope = services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var vault = new KeyVault(scope.ServiceProvider.GetRequiredService<MamoriDb>(), MasterKeyRing.Resolve(configured, directory, clock), log, clock);
        return await vault.ReapplyShreddingAsync(ct);
    }

    private static async Task AppendAuditAsync(string directory, string? database, string action, string archiveName, CancellationToken ct)
    {
        await using var services = await AdminServices.OpenAsync(directory, database, ct);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().AppendAsync(
            new AuditEvent(AuditActors.CommandLine(Environment.UserName), action, AuditOutcomes.Success, Target: "archive:" + archiveName[..Math.Min(archiveName.Length, 100)]), ct);
    }
}
