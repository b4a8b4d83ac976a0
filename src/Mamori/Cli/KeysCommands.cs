using System.CommandLine;
using Mamori.Audit;
using Mamori.Staff;

namespace Mamori.Host.Cli;

/// <summary><c>mamori keys create</c>: a new API key, printed once.</summary>
public static class KeysCommands
{
    public static Command Create()
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
        return new Command("keys", "API keys.") { create };
    }
}
