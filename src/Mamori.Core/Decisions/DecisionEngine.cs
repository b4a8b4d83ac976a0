using Mamori.Policy;

namespace Mamori.Decisions;

/// <summary>
/// The one gate every use of personal data passes: "may this actor use these categories of this person
/// (or device) for this purpose?" Compile it once per policy version and share it; it is immutable and
/// thread-safe. The id-based <see cref="Decide(in DecisionRequest)"/> is the hot path: no strings, no
/// lookups, no allocation when the answer is yes.
/// </summary>
public sealed class DecisionEngine
{
    // Reasons that concern single categories; any other reason denies the whole request.
    private const Reason CategoryLevel =
        Reason.CategoryUnknown | Reason.CategoryNotAllowedForPurpose | Reason.CategoryNotForDevice
        | Reason.SensitiveNoGround | Reason.SensitiveWrittenConsentRequired
        | Reason.AdIdPurposeNotAllowed | Reason.AdIdTrackingLimited
        | Reason.LocationNoConsent | Reason.LocationPurposeNotAllowed;

    private readonly CompiledPolicy _policy;

    public DecisionEngine(CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>Compiles <paramref name="document"/> and returns its engine.</summary>
    public static DecisionEngine For(PolicyDocument document) => new(CompiledPolicy.Compile(document));

    /// <summary>The tables and id lookups of the policy version this engine decides by.</summary>
    public CompiledPolicy Policy => _policy;

    /// <summary>The decision, with every denial reason that applies.</summary>
    public Decision Decide(in DecisionRequest request) => Decision.For(Evaluate(in request, out _));

    /// <summary>
    /// The requested categories that may be used: those no category rule blocks, or none at all when a
    /// rule denies the whole request (unknown purpose, suspension, …). The vault returns exactly these.
    /// </summary>
    public CategorySet Permitted(in DecisionRequest request)
    {
        var reasons = Evaluate(in request, out var blocked);
        return (reasons & ~CategoryLevel) != 0 ? CategorySet.Empty : request.Categories.Except(blocked);
    }

    /// <summary>
    /// The same decision by name, for the host: ids are resolved on every call, so prefer the id-based
    /// overload where the same question is asked often.
    /// </summary>
    public Decision Decide(string purposeId, IEnumerable<string> categoryIds, string subjectKind, SubjectState state)
    {
        ArgumentNullException.ThrowIfNull(purposeId);
        ArgumentNullException.ThrowIfNull(categoryIds);
        ArgumentNullException.ThrowIfNull(subjectKind);
        var unknownCategory = _policy.TryGetCategories(categoryIds, out var categories) ? Reason.None : Reason.CategoryUnknown;
        var request = new DecisionRequest(_policy.PurposeId(purposeId), categories, _policy.SubjectKindId(subjectKind), state);
        return Decision.For(Evaluate(in request, out _) | unknownCategory);
    }

    /// <summary>
    /// Applies every rule and gathers the reasons as bits; <paramref name="blocked"/> collects the
    /// categories a category-level rule denies.
    /// </summary>
    private Reason Evaluate(in DecisionRequest request, out CategorySet blocked)
    {
        var policy = _policy;
        var requested = request.Categories;
        var flags = request.State.Flags;
        var reasons = Reason.None;

        // Ids from another policy version, or made up.
        blocked = requested.Except(policy.Known);
        if (!blocked.IsEmpty)
            reasons |= Reason.CategoryUnknown;

        var kind = request.SubjectKind;
        if ((uint)kind >= (uint)policy.SubjectKindCount)
        {
            reasons |= Reason.SubjectKindUnknown;
        }
        else if (kind == policy.DeviceKind && requested.HasAnyOutside(policy.Informative))
        {
            // A device has only informative data (§3(1)); personal items belong to a person.
            reasons |= Reason.CategoryNotForDevice;
            blocked = blocked.Union(requested.Except(policy.Informative));
        }

        // §3(3): ad identifiers stop as soon as the device limits ad tracking.
        var adIds = requested.Intersect(policy.AdIdentifiers);
        if (!adIds.IsEmpty && (flags & SubjectFlags.LimitAdTracking) != 0)
        {
            reasons |= Reason.AdIdTrackingLimited;
            blocked = blocked.Union(adIds);
        }

        // §3(4): location only with the person's consent.
        var location = requested.Intersect(policy.Location);
        if (!location.IsEmpty && policy.LocationConsentRequired && (flags & SubjectFlags.LocationConsent) == 0)
        {
            reasons |= Reason.LocationNoConsent;
            blocked = blocked.Union(location);
        }

        // A suspension set by a request stops every use except handling that request and legal duties.
        var exempt = (flags & (SubjectFlags.HandlingRequest | SubjectFlags.LegalDuty)) != 0;
        if ((flags & SubjectFlags.UseSuspended) != 0 && !exempt)
            reasons |= Reason.SubjectUseSuspended;

        // §9(5): what a request brought in serves only that request.
        if ((flags & (SubjectFlags.ReceivedThroughRequest | SubjectFlags.HandlingRequest)) == SubjectFlags.ReceivedThroughRequest)
            reasons |= Reason.RequestDataOtherPurpose;

        var ground = request.State.SensitiveGround;
        if ((uint)ground >= (uint)policy.Grounds.Length)
            reasons |= Reason.SensitiveGroundUnknown;

        // Everything below depends on the purpose.
        if ((uint)request.Purpose >= (uint)policy.PurposeCount)
        {
            blocked = requested;
            return reasons | Reason.PurposeUnknown;
        }
        ref readonly var purpose = ref policy.Purposes[request.Purpose];

        if ((uint)kind < (uint)policy.SubjectKindCount && (purpose.Kinds & (1u << kind)) == 0)
            reasons |= Reason.PurposeNotForSubjectKind;

        var outside = requested.Intersect(policy.Known).Except(purpose.Categories);
        if (!outside.IsEmpty)
        {
            reasons |= Reason.CategoryNotAllowedForPurpose;
            blocked = blocked.Union(outside);
        }

        if (purpose.IsProvision && (flags & SubjectFlags.ProvisionSuspended) != 0 && !exempt)
            reasons |= Reason.SubjectProvisionSuspended;

        // §3(3): ad identifiers serve ad optimisation only; §3(4): location only its own purposes.
        if (!adIds.IsEmpty && !purpose.AdIdentifiers)
        {
            reasons |= Reason.AdIdPurposeNotAllowed;
            blocked = blocked.Union(adIds);
        }
        if (!location.IsEmpty && !purpose.Location)
        {
            reasons |= Reason.LocationPurposeNotAllowed;
            blocked = blocked.Union(location);
        }

        // §8: 要配慮 and 機微 data only under a ground or with written consent; a ground needing consent
        // (⑦), or a provision under any ground but ①–④, needs the written consent itself.
        var unconsented = requested.Intersect(policy.Sensitive).Except(request.State.WrittenConsent);
        if (!unconsented.IsEmpty && (uint)ground < (uint)policy.Grounds.Length)
        {
            ref readonly var basis = ref policy.Grounds[ground];
            var denied = ground == 0 ? Reason.SensitiveNoGround
                : basis.RequiresConsent || (purpose.IsProvision && !basis.ProvisionWithoutWrittenConsent) ? Reason.SensitiveWrittenConsentRequired
                : Reason.None;
            if (denied != Reason.None)
            {
                reasons |= denied;
                blocked = blocked.Union(unconsented);
            }
        }

        return reasons;
    }
}
