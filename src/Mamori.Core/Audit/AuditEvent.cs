namespace Mamori.Audit;

/// <summary>
/// What happened, as the caller of <see cref="AuditTrail.AppendAsync"/> states it. Every text is an identifier or
/// a code (letters, digits, <c>. _ : -</c>): policy ids, reason codes, <see cref="AuditActors"/> — never a value
/// typed by a person, which could be personal data. Anything else is refused with an
/// <see cref="ArgumentException"/> that does not repeat the value.
/// </summary>
/// <param name="Actor">Who acted (<see cref="AuditActors"/>).</param>
/// <param name="Action">What was done (<see cref="AuditActions"/>).</param>
/// <param name="Outcome">How it ended (<see cref="AuditOutcomes"/>).</param>
/// <param name="Purpose">The policy purpose id, for a use of personal data.</param>
/// <param name="Categories">Data category ids; stored distinct and sorted.</param>
/// <param name="Reasons">Reason codes; stored distinct, in the order given.</param>
/// <param name="Target">What was acted on when it is not a person or device, e.g. <c>key:{id}</c>.</param>
public sealed record AuditEvent(
    string Actor,
    string Action,
    string Outcome,
    string? Purpose = null,
    Guid? PersonId = null,
    string? DeviceId = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? Reasons = null,
    string? Target = null)
{
    /// <summary>A new, not yet chained entry with every field checked and normalised.</summary>
    internal AuditEntry ToEntry() => new()
    {
        Actor = Code(Actor, nameof(Actor), AuditEntry.MaxActorLength)!,
        Action = Code(Action, nameof(Action), AuditEntry.MaxCodeLength)!,
        Outcome = Code(Outcome, nameof(Outcome), AuditEntry.MaxCodeLength)!,
        Purpose = Optional(Purpose, nameof(Purpose), AuditEntry.MaxCodeLength),
        PersonId = PersonId,
        DeviceId = Optional(DeviceId, nameof(DeviceId), AuditEntry.MaxActorLength),
        Target = Optional(Target, nameof(Target), AuditEntry.MaxActorLength),
        Categories = List(Categories?.Order(StringComparer.Ordinal), nameof(Categories)),
        Reasons = List(Reasons, nameof(Reasons)),
    };

    private static string? Optional(string? value, string field, int maxLength) =>
        string.IsNullOrEmpty(value) ? null : Code(value, field, maxLength);

    private static string List(IEnumerable<string>? items, string field)
    {
        if (items is null)
            return "";
        var joined = string.Join(',', items.Select(i => Code(i, field, AuditEntry.MaxCodeLength)).Distinct(StringComparer.Ordinal));
        return joined.Length <= AuditEntry.MaxListLength ? joined
            : throw new ArgumentException($"Audit {field} together exceed {AuditEntry.MaxListLength} characters.", field);
    }

    private static string Code(string? value, string field, int maxLength) =>
        IsCode(value, maxLength) ? value!
            : throw new ArgumentException(
                $"Audit {field} must be an identifier or code of 1–{maxLength} characters (letters, digits, '.', '_', ':', '-').", field);

    internal static bool IsCode(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
