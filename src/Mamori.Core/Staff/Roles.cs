namespace Mamori.Staff;

/// <summary>Every action a signed-in staff member or API key may take. One permission per action.</summary>
public enum Permission
{
    ViewConsole,
    ViewPolicyVersions,
    ManageApiKeys,
    ManageStaff,
    ReadPersonalData,
    WritePersonalData,
    ErasePersonalData,
    DecideUse,
    ViewAudit,
    ManageRequests,
    ManageIncidents,
    ManageConsents,
    IngestSignals,
    ProvideToThirdParties,
    ManageInquiries,
    /// <summary>The registry of parties (recipients, co-solicitors, contractors) and contractor supervision.</summary>
    ManageParties,
    /// <summary>Carry out a verified request (change or erase the vault, disclose), answer it, or refuse it.</summary>
    DecideRequests,
}

/// <summary>The staff roles and what each may do. The table is the single source for every authorisation rule.</summary>
public static class Roles
{
    public const string PrivacyOfficer = "privacy_officer";
    public const string Operator = "operator";
    public const string Auditor = "auditor";
    public const string Marketing = "marketing";
    public const string System = "system";
    /// <summary>A site's or app's key for posting signals and nothing else: it may sit in a page or an app, so it must open no data.</summary>
    public const string Site = "site";

    public static readonly IReadOnlyList<string> All = [PrivacyOfficer, Operator, Auditor, Marketing, System, Site];

    private static readonly Dictionary<string, Permission[]> Table = new()
    {
        [PrivacyOfficer] = Enum.GetValues<Permission>(),
        [Operator] = [Permission.ViewConsole, Permission.ReadPersonalData, Permission.WritePersonalData,
                      Permission.DecideUse, Permission.ManageRequests, Permission.ManageConsents, Permission.ManageInquiries],
        [Auditor] = [Permission.ViewConsole, Permission.ViewPolicyVersions, Permission.ViewAudit],
        [Marketing] = [Permission.ViewConsole, Permission.DecideUse, Permission.ManageConsents],
        [System] = [Permission.ReadPersonalData, Permission.WritePersonalData, Permission.DecideUse,
                    Permission.ManageConsents, Permission.IngestSignals, Permission.ProvideToThirdParties],
        [Site] = [Permission.IngestSignals],
    };

    public static bool IsKnown(string role) => Table.ContainsKey(role);

    public static bool Allows(string role, Permission permission) =>
        Table.TryGetValue(role, out var permissions) && permissions.Contains(permission);

    public static IReadOnlyList<Permission> PermissionsOf(string role) =>
        Table.TryGetValue(role, out var permissions) ? permissions : [];
}
