namespace Mamori.Policy.Validation;

/// <summary>§4: each purpose names data categories and subject kinds that exist, hangs under at most one
/// level of parent (①, then ①-1 uses), serves no subject its parent does not, and every §4 heading has a purpose.</summary>
internal static class PurposeChecks
{
    public static void Check(CheckContext c)
    {
        var purposes = c.Policy.Purposes;
        for (var i = 0; i < purposes.Count; i++)
        {
            var purpose = purposes[i];
            var at = JsonPath.Root / "purposes" / i;
            c.RequireKnown(purpose.Categories, at / "categories", c.Ids.CategoryIds, PolicyProblemCodes.PurposeCategoryUnknown, "data category");
            c.RequireKnown(purpose.SubjectKinds, at / "subjectKinds", c.Ids.SubjectKinds, PolicyProblemCodes.PurposeSubjectKindUnknown, "subject kind");
            if (purpose.Parent is { } parentId)
                CheckParent(c, purpose, parentId, at / "parent");
        }

        for (var i = 0; i < c.Policy.SubjectKinds.Count; i++)
        {
            var kind = c.Policy.SubjectKinds[i];
            if (!purposes.Any(p => p.SubjectKinds.Contains(kind.Id)))
                c.Report(JsonPath.Root / "subjectKinds" / i, PolicyProblemCodes.SubjectKindUnused,
                    $"subject kind '{kind.Id}' ({kind.Ref}) has no purpose; the notice would print an empty heading");
        }
    }

    private static void CheckParent(CheckContext c, Purpose purpose, string parentId, JsonPath at)
    {
        if (!c.Ids.Purposes.TryGetValue(parentId, out var parent))
        {
            c.RequireKnown(parentId, at, c.Ids.PurposeIds, PolicyProblemCodes.PurposeParentUnknown, "parent purpose");
            return;
        }
        if (parent.Parent is not null)
        {
            c.Report(at, PolicyProblemCodes.PurposeParentNested,
                $"parent purpose '{parentId}' is itself under '{parent.Parent}'; uses hang under a top-level purpose only");
            return;
        }
        var extra = purpose.SubjectKinds.Except(parent.SubjectKinds, StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
            c.Report(at, PolicyProblemCodes.PurposeParentSubjectKinds,
                $"purpose '{purpose.Id}' serves {string.Join(", ", extra)}, which its parent '{parentId}' does not");
    }
}
