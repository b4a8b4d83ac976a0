using System.CommandLine;
using Mamori.Audit;
using Mamori.Consent;
using Mamori.Host.Web;
using Mamori.Provision;
using Mamori.Retention;

namespace Mamori.Host.Cli;

/// <summary><c>mamori retention run [--dry-run]</c>: disposes of what the policy's retention rules say has expired.</summary>
public static class RetentionCommands
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be disposed of and change nothing." };
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var run = new Command("run", "Erase or anonymise what has expired (persons, items, signals, provision records), spare legal holds, and write a disposal record.")
        {
            dryRun, dataDir, database,
        };
        run.SetAction(async (result, ct) =>
        {
            var policy = PolicyFile.Load(new ServeOptions().ResolvePolicyFile());
            if (!policy.Ok)
            {
                await Console.Error.WriteLineAsync("error: the policy does not load; run 'mamori policy check'.");
                return 2;
            }
            var dir = result.GetValue(dataDir)!;
            var options = new ServeOptions { DataDirectory = dir, Database = result.GetValue(database), MasterKey = Environment.GetEnvironmentVariable("MAMORI_MASTER_KEY") };
            await using var services = await AdminServices.OpenAsync(dir, options.Database, ct, s => s
                .AddSingleton(policy.Policy!)
                .AddMamoriVault(dir, options.MasterKey, policy.Policy!)
                .AddSingleton(ConsentCatalog.For(policy.Policy!.Document))
                .AddSingleton<ReconsentCheck>()
                .AddScoped<ConsentLedger>()
                .AddScoped<ProvisionRecords>()
                .AddMamoriRetention());
            await using var scope = services.CreateAsyncScope();
            var disposals = scope.ServiceProvider.GetRequiredService<Disposals>();
            if (result.GetValue(dryRun))
            {
                var plan = await disposals.PlanAsync(ct);
                Console.WriteLine($"Dry run at {Ui.Time(plan.At)} under policy {plan.PolicyVersion}: nothing was changed.");
                foreach (var line in plan.Lines)
                    Console.WriteLine($"  {line.RuleId,-28} {line.Target,-18} {line.Method,-13} would go: {line.Count,8}  held: {line.Held,6}");
                Console.WriteLine($"Total: {plan.Total} would be disposed of, {plan.Held} held.");
                return 0;
            }
            var actor = AuditActors.CommandLine(Environment.UserName);
            var record = await disposals.RunAsync(actor, actor, ct);
            Console.WriteLine($"Disposal {record.Id} at {Ui.Time(record.RunAt)} under policy {record.PolicyVersion}, approved by {record.ApprovedBy}:");
            foreach (var line in record.Lines.OrderBy(l => l.RuleId, StringComparer.Ordinal))
                Console.WriteLine($"  {line.RuleId,-28} {line.Target,-18} {line.Method,-13} disposed: {line.Count,8}  held: {line.Held,6}");
            Console.WriteLine($"Total: {record.Total} disposed of.");
            return 0;
        });
        return new Command("retention", "Retention and disposal (§11(2)).") { run };
    }
}
