using Mamori.Incidents;
using Mamori.Policy;
using Xunit;

namespace Mamori.Core.Tests.Incidents;

/// <summary>The four cases of APPI Art. 26 / 規則7, each on its own, and the strong-encryption exemption.</summary>
public sealed class ReportabilityTests
{
    private static readonly PolicyDocument Policy = RepositoryPolicy.Load();
    private static readonly string[] BankAccounts = ["finance.bank_account"];

    private static Reportability Assess(string[] categories, int persons = 10, bool malicious = false, bool encrypted = false,
        bool keyLeaked = false, bool? financialRisk = null) =>
        Reportability.Assess(new IncidentFacts(categories, persons, malicious, encrypted, keyLeaked,
            financialRisk ?? categories.Any(BankAccounts.Contains), BankAccounts), Policy);

    [Fact]
    public void Case_1_sensitive_data_even_one_record()
    {
        var r = Assess(["contact.name", "health.medical_history"], persons: 1);
        Assert.True(r.Reportable);
        var only = Assert.Single(r.Cases);
        Assert.Equal((1, IncidentCodes.SensitiveData), (only.Number, only.Code));
        Assert.Equal(["health.medical_history"], only.Categories);
    }

    [Fact]
    public void Kibi_beyond_special_care_is_not_case_1()
    {
        var r = Assess(["sensitive.trade_union"]);
        Assert.False(r.Reportable);
        Assert.Equal([IncidentCodes.NoReportableCase], r.Reasons);
    }

    [Fact]
    public void Case_2_financial_damage_from_the_categories_or_as_stated()
    {
        var bank = Assess(["contact.name", "finance.bank_account"]);
        Assert.Equal([IncidentCodes.FinancialDamageRisk], bank.Reasons);
        Assert.Equal(["finance.bank_account"], bank.Cases[0].Categories);
        // Card data has no category of its own in the policy: the caller states the risk.
        Assert.Equal([IncidentCodes.FinancialDamageRisk], Assess(["account.login"], financialRisk: true).Reasons);
    }

    [Fact]
    public void Case_3_malicious_acts()
    {
        var r = Assess(["contact.email"], malicious: true);
        Assert.True(r.Reportable);
        Assert.Equal([IncidentCodes.MaliciousAct], r.Reasons);
    }

    [Fact]
    public void Case_4_more_than_1000_persons()
    {
        Assert.False(Assess(["contact.email"], persons: 1_000).Reportable);
        var r = Assess(["contact.email"], persons: 1_001);
        Assert.True(r.Reportable);
        Assert.Equal((4, IncidentCodes.OverThousandPersons), (r.Cases[0].Number, r.Cases[0].Code));
    }

    [Fact]
    public void Every_case_that_applies_is_listed()
    {
        var r = Assess(["health.checkup", "finance.bank_account"], persons: 5_000, malicious: true);
        Assert.Equal([1, 2, 3, 4], r.Cases.Select(c => c.Number));
        Assert.Equal([IncidentCodes.SensitiveData, IncidentCodes.FinancialDamageRisk, IncidentCodes.MaliciousAct, IncidentCodes.OverThousandPersons], r.Reasons);
    }

    [Fact]
    public void Strong_encryption_with_the_key_safe_exempts_every_case()
    {
        var r = Assess(["health.checkup"], persons: 5_000, malicious: true, encrypted: true);
        Assert.False(r.Reportable);
        Assert.Equal(IncidentCodes.StronglyEncrypted, r.Exemption);
        Assert.Equal([IncidentCodes.SensitiveData, IncidentCodes.MaliciousAct, IncidentCodes.OverThousandPersons, IncidentCodes.StronglyEncrypted], r.Reasons);
    }

    [Fact]
    public void Strong_encryption_whose_key_leaked_exempts_nothing()
    {
        var r = Assess(["health.checkup"], encrypted: true, keyLeaked: true);
        Assert.True(r.Reportable);
        Assert.Null(r.Exemption);
    }
}
