using System.Security.Cryptography;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Staff;
using Mamori.Storage;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Web;

/// <summary>What happens once before serving: migrations, the policy version, the first admin, demo data.</summary>
public static class Startup
{
    public sealed record Result(string Database, bool CreatedAdmin, string? GeneratedAdminPassword, IReadOnlyList<string> DemoStaff);

    public static async Task<Result> InitialiseAsync(IServiceProvider services, ServeOptions options, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MamoriDb>();
        await db.Database.MigrateAsync(ct);

        // A database restored from an older backup may hold keys of persons erased since: destroy them again.
        await sp.GetRequiredService<Vault.Crypto.KeyVault>().ReapplyShreddingAsync(ct);

        var policy = sp.GetRequiredService<CurrentPolicy>();
        await sp.GetRequiredService<Policy.PolicyVersions>()
            .PublishAsync(policy.Version, policy.Document.EffectiveFrom, policy.Yaml, policy.ContentHash, ct);

        string? generated = null;
        var createdAdmin = false;
        IReadOnlyList<string> demoStaff = [];
        if (!await db.StaffUsers.AnyAsync(ct))
        {
            var password = options.AdminPassword;
            if (string.IsNullOrEmpty(password))
                password = generated = GeneratePassword();
            await sp.GetRequiredService<StaffAccounts>().CreateAsync("admin", "Administrator", Roles.PrivacyOfficer, password, ct);
            createdAdmin = true;
            // Demo staff share the first admin's password, so they are made only together with it.
            if (options.Demo)
                demoStaff = await DemoData.SeedAsync(sp, password, ct);
        }
        return new Result(sp.GetRequiredService<DatabaseSettings>().Describe(), createdAdmin, generated, demoStaff);
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
