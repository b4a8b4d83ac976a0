using Mamori.Compliance;
using Mamori.Parties;
using Party = Mamori.Parties.Party;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>A party's particulars as the console's form posts them.</summary>
public sealed class PartyForm
{
    [UncheckedInput] public string? Code { get; set; }
    [UncheckedInput] public string? Kind { get; set; }
    [UncheckedInput] public string? PolicyRecipientId { get; set; }
    [UncheckedInput] public string? NameJa { get; set; }
    [UncheckedInput] public string? NameEn { get; set; }
    [UncheckedInput] public string? Address { get; set; }
    [PersonalData] public string? Representative { get; set; }
    [UncheckedInput] public string? Country { get; set; } = "JP";
    [UncheckedInput] public string? Contract { get; set; }
    [UncheckedInput] public string? Relationship { get; set; }
    public bool Listed { get; set; }
    [UncheckedInput] public string? EntrustedWork { get; set; }
    [UncheckedInput] public List<string> EntrustedItems { get; set; } = [];
    public int? EvaluationIntervalMonths { get; set; } = 12;

    public SaveParty ToCommand() => new(Code, Kind, string.IsNullOrWhiteSpace(PolicyRecipientId) ? null : PolicyRecipientId, NameJa, NameEn,
        Address, Representative, Country, Contract, Relationship, Listed, EntrustedWork, EntrustedItems, EvaluationIntervalMonths);

    public static PartyForm From(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return new()
        {
            Code = party.Code,
            Kind = party.Kind,
            PolicyRecipientId = party.PolicyRecipientId,
            NameJa = party.NameJa,
            NameEn = party.NameEn,
            Address = party.Address,
            Representative = party.Representative,
            Country = party.Country,
            Contract = party.Contract,
            Relationship = party.Relationship,
            Listed = party.Listed,
            EntrustedWork = party.EntrustedWork,
            EntrustedItems = [.. party.EntrustedItems],
            EvaluationIntervalMonths = party.EvaluationIntervalMonths,
        };
    }
}

/// <summary>An evaluation of a contractor as the console's form posts it.</summary>
public sealed class EvaluationForm
{
    [UncheckedInput] public string? EvaluatedOn { get; set; }
    [UncheckedInput] public string? Result { get; set; }
    [UncheckedInput] public string? Notes { get; set; }
}
