using Mamori.Compliance;
using Mamori.Provision;

namespace Mamori.Requests;

// What a requester writes and what the agency answers. Stored only encrypted (RequestCase.Payload / Result); every
// value a caller fills is classified so that, should one ever be logged, it is redacted by its class.

/// <summary>The person the request is about (or who makes it for themselves), as written on the application.</summary>
public sealed record Requester(
    [property: PersonalData] string Name,
    [property: PersonalData] string Address,
    [property: PersonalData] string? NameKana = null,
    [property: PersonalData] DateOnly? Birthdate = null,
    [property: PersonalData] string? PostalCode = null,
    [property: PersonalData] string? Phone = null,
    [property: PersonalData] string? Email = null);

/// <summary>An appointed agent or legal representative who makes the request for the person.</summary>
public sealed record Agent(
    [property: PersonalData] string Name,
    [property: PersonalData] string? Address = null,
    [property: PersonalData] string? Phone = null,
    [property: PersonalData] string? Email = null);

/// <summary>A new request, as an operator enters a letter or the online form submits it.</summary>
/// <param name="Changes">Correction and addition: category → the value the person says is right.</param>
/// <param name="Categories">Deletion: the categories to delete (none = everything the person named in the details).</param>
public sealed record OpenRequest(
    [property: UncheckedInput] string Kind,
    [property: UncheckedInput] string Channel,
    [property: UncheckedInput] string AgentType,
    [property: UncheckedInput] string ResponseMethod,
    Requester Requester,
    Agent? Agent = null,
    [property: PersonalData] string? Details = null,
    [property: PersonalData] IReadOnlyDictionary<string, string>? Changes = null,
    [property: UncheckedInput] IReadOnlyList<string>? Categories = null,
    DateTimeOffset? ReceivedAt = null);

/// <summary>The application as stored (encrypted): what the person asked for and where to answer.</summary>
public sealed record RequestContent(
    Requester Requester,
    Agent? Agent,
    [property: PersonalData] string? Details,
    [property: PersonalData] IReadOnlyDictionary<string, string> Changes,
    IReadOnlyList<string> Categories);

/// <summary>What fulfilment did and found, or why the request was refused: the substance of the answer.</summary>
public sealed record RequestResult
{
    /// <summary>The refusal's reason in words (the ground is on the case).</summary>
    [PersonalData] public string? RefusalReason { get; init; }
    public IReadOnlyList<PurposeLine>? Purposes { get; init; }
    public DisclosureView? Disclosure { get; init; }
    public IReadOnlyList<ProvisionRecord>? ProvisionRecords { get; init; }
    /// <summary>Correction and addition: each value before and after.</summary>
    public IReadOnlyList<ChangedItem>? Changes { get; init; }
    /// <summary>Deletion and erasure: the categories removed.</summary>
    public IReadOnlyList<string>? Deleted { get; init; }
    /// <summary>Deletion and erasure: what a law obliges the agency to keep, suspended instead, with the reason.</summary>
    public IReadOnlyList<KeptItem>? Kept { get; init; }
    /// <summary>Erasure: the person's data key was destroyed (crypto-shredding).</summary>
    public bool Erased { get; init; }
    public bool UseSuspended { get; init; }
    public bool ProvisionSuspended { get; init; }
}

public sealed record PurposeLine(string Id, string LabelJa, string LabelEn);

public sealed record ChangedItem(string Category, [property: PersonalData] string? Before, [property: PersonalData] string After);

public sealed record KeptItem(string Category, string ReasonJa, string ReasonEn);
