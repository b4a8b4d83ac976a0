namespace Mamori.Decisions;

/// <summary>
/// Facts about the person (or device) and about this use that the rules depend on. The zero value is the
/// cautious one: no consents on record, no ground invoked.
/// </summary>
[Flags]
public enum SubjectFlags
{
    None = 0,

    // What the person has asked for or agreed to.

    /// <summary>A request for suspension of use (利用停止) is in force.</summary>
    UseSuspended = 1 << 0,
    /// <summary>A request for suspension of provision to third parties (第三者提供の停止) is in force.</summary>
    ProvisionSuspended = 1 << 1,
    /// <summary>The person consented to location being obtained in the app (§3(4)).</summary>
    LocationConsent = 1 << 2,
    /// <summary>
    /// The device limits ad tracking (iOS ATT denied, Android "delete advertising ID"): §3(3) is an opt-out,
    /// so ad identifiers may serve ad optimisation unless this is set.
    /// </summary>
    LimitAdTracking = 1 << 3,

    // Where the data came from and what this use is.

    /// <summary>The data was obtained through a data-subject request (§9(5)).</summary>
    ReceivedThroughRequest = 1 << 4,
    /// <summary>This use is the handling of the person's own request (investigation, identity check, answer).</summary>
    HandlingRequest = 1 << 5,
    /// <summary>This use is required by law (a statutory duty, a court order).</summary>
    LegalDuty = 1 << 6,
}

public readonly struct SubjectState
{
    public SubjectFlags Flags { get; init; }

    /// <summary>
    /// The §8 ground invoked for sensitive data, from <see cref="CompiledPolicy.SensitiveGroundId"/>;
    /// 0 when none is.
    /// </summary>
    public int SensitiveGround { get; init; }

    /// <summary>The sensitive categories for which the person's written consent is on record (§8 ⑦).</summary>
    public CategorySet WrittenConsent { get; init; }

    public bool Has(SubjectFlags flag) => (Flags & flag) != 0;
}
