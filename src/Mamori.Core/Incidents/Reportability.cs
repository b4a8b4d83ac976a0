using Mamori.Policy;

namespace Mamori.Incidents;

/// <summary>The stable codes of an incident's assessment and of its refusals. They reach API clients and the audit trail.</summary>
public static class IncidentCodes
{
    /// <summary>Case (1): 要配慮個人情報 among the items (規則7(1)).</summary>
    public const string SensitiveData = "incident.sensitive_data";
    /// <summary>Case (2): data whose misuse risks financial damage (規則7(2)).</summary>
    public const string FinancialDamageRisk = "incident.financial_damage_risk";
    /// <summary>Case (3): a malicious act — attack, insider theft, skimming (規則7(3)).</summary>
    public const string MaliciousAct = "incident.malicious_act";
    /// <summary>Case (4): more than 1,000 persons (規則7(4)).</summary>
    public const string OverThousandPersons = "incident.over_1000_persons";
    /// <summary>Not reportable: the data was strongly encrypted and the key did not leak.</summary>
    public const string StronglyEncrypted = "incident.strongly_encrypted";
    /// <summary>Not reportable: none of the four cases applies.</summary>
    public const string NoReportableCase = "incident.no_reportable_case";
}

/// <summary>One of the four cases of APPI Art. 26 / 規則7 that applies, with the categories that bring it about.</summary>
public sealed record ReportableCase(int Number, string Code, IReadOnlyList<string> Categories);

/// <summary>Whether the PPC must be told, every case that applies, and why not when it need not.</summary>
public sealed record Reportability(bool Reportable, IReadOnlyList<ReportableCase> Cases, string? Exemption)
{
    /// <summary>The cases' codes, then the exemption or "no case": the reasons as the API lists them.</summary>
    public IReadOnlyList<string> Reasons =>
        [.. Cases.Select(c => c.Code), .. Exemption is null ? [] : new[] { Exemption }];

    public const int PersonsThreshold = 1_000;

    /// <summary>The four cases of APPI.md §3, each independently; then the encryption exemption over all of them.</summary>
    public static Reportability Assess(IncidentFacts facts, PolicyDocument policy)
    {
        var cases = new List<ReportableCase>(4);
        var special = facts.Categories
            .Where(c => policy.DataCategories.Any(d => d.Id == c && d.Sensitivity == Sensitivity.SpecialCare))
            .Order(StringComparer.Ordinal).ToList();
        if (special.Count > 0)
            cases.Add(new ReportableCase(1, IncidentCodes.SensitiveData, special));
        if (facts.FinancialDamageRisk)
            cases.Add(new ReportableCase(2, IncidentCodes.FinancialDamageRisk,
                [.. facts.Categories.Where(facts.FinancialDamageCategories.Contains).Order(StringComparer.Ordinal)]));
        if (facts.Malicious)
            cases.Add(new ReportableCase(3, IncidentCodes.MaliciousAct, []));
        if (facts.PersonsAffected > PersonsThreshold)
            cases.Add(new ReportableCase(4, IncidentCodes.OverThousandPersons, []));

        if (cases.Count == 0)
            return new Reportability(false, cases, IncidentCodes.NoReportableCase);
        if (facts.StronglyEncrypted && !facts.KeyLeaked)
            return new Reportability(false, cases, IncidentCodes.StronglyEncrypted);
        return new Reportability(true, cases, null);
    }
}

/// <summary>What the assessment needs of an incident, whatever holds it.</summary>
public sealed record IncidentFacts(
    IReadOnlyList<string> Categories,
    int PersonsAffected,
    bool Malicious,
    bool StronglyEncrypted,
    bool KeyLeaked,
    bool FinancialDamageRisk,
    IReadOnlyCollection<string> FinancialDamageCategories);
