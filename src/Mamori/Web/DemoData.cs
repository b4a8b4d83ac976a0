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
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MamoriDb>();
        if (await db.StaffUsers.CountAsync(ct) > 1)
            return;
        var options = sp.GetRequiredService<ServeOptions>();
        var accounts = sp.GetRequiredService<StaffAccounts>();
        var password = options.AdminPassword;
        if (string.IsNullOrEmpty(password))
            return; // A generated admin password is not kept; demo staff need a known one.
        foreach (var role in Roles.All.Where(r => r != Roles.PrivacyOfficer && r != Roles.System))
            await accounts.CreateAsync(role, DisplayNames[role], role, password, ct);
    }

    private static readonly Dictionary<string, string> DisplayNames = new()
    {
        [Roles.Operator] = "山田 花子（オペレーター）",
        [Roles.Auditor] = "佐藤 健（監査）",
        [Roles.Marketing] = "鈴木 一郎（マーケティング）",
    };
}
