namespace Mamori.Decisions;

/// <summary>
/// "May this actor use these categories of this person (or device) for this purpose?" in the ids of one
/// <see cref="CompiledPolicy"/>. Callers resolve the ids once and reuse them; the struct is passed by
/// reference, so its size costs nothing.
/// </summary>
/// <param name="Purpose">From <see cref="CompiledPolicy.PurposeId"/>.</param>
/// <param name="Categories">Ids from <see cref="CompiledPolicy.CategoryId"/>.</param>
/// <param name="SubjectKind">From <see cref="CompiledPolicy.SubjectKindId"/>, or <see cref="CompiledPolicy.DeviceKind"/>.</param>
/// <param name="State">Consents, suspensions and the nature of this use.</param>
public readonly record struct DecisionRequest(int Purpose, CategorySet Categories, int SubjectKind, SubjectState State);
