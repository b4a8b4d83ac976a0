using Mamori.Data;
using Mamori.Staff;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Web;

/// <summary>
/// <c>--demo</c>: fills an empty database with demo content. Today that is one staff account per role
/// (user name = role, password = the admin's); people, consents, signals and requests join as those
/// capabilities land.
/// </summary>
public static class DemoData
{
    /// <returns>The user names of the demo staff created (empty when the database already had staff).</returns>
    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider sp, string adminPassword, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MamoriDb>();
        if (await db.StaffUsers.CountAsync(ct) > 1)
            return [];
        var accounts = sp.GetRequiredService<StaffAccounts>();
        var created = new List<string>();
        // Machine roles (system, site) have no console to sign in to.
        foreach (var role in Roles.All.Where(r => r != Roles.PrivacyOfficer && Roles.Allows(r, Permission.ViewConsole)))
        {
            await accounts.CreateAsync(role, DisplayNames[role], role, adminPassword, ct);
            created.Add(role);
        }
        await DemoParties.SeedAsync(sp, ct);
        return created;
    }

    private static readonly Dictionary<string, string> DisplayNames = new()
    {
        [Roles.Operator] = "山田 花子（オペレーター）",
        [Roles.Auditor] = "佐藤 健（監査）",
        [Roles.Marketing] = "鈴木 一郎（マーケティング）",
    };
}
