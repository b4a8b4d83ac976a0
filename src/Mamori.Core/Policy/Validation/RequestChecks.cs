namespace Mamori.Policy.Validation;

/// <summary>
/// §9 requests: exactly the nine kinds of 開示等の請求等, a fee only where Art. 38 allows one, and a deadline
/// inside the two weeks of Art. 39. §8: 機微 data is provided without written consent on grounds ①–④ only.
/// </summary>
internal static class RequestChecks
{
    public static void Check(CheckContext c)
    {
        var requests = c.Policy.Requests;
        var at = JsonPath.Root / "requests";
        for (var i = 0; i < requests.Kinds.Count; i++)
        {
            var kind = requests.Kinds[i];
            if (!PolicyVocabulary.RequestKinds.Contains(kind.Id))
                c.RequireKnown(kind.Id, at / "kinds" / i / "id", PolicyVocabulary.RequestKinds, PolicyProblemCodes.RequestKindUnknown, "request kind");
            else if (kind.Fee && !PolicyVocabulary.FeeableRequestKinds.Contains(kind.Id))
                c.Report(at / "kinds" / i / "fee", PolicyProblemCodes.RequestFeeNotAllowed,
                    $"no fee may be charged for '{kind.Id}'; Art. 38 allows one only for {string.Join(", ", PolicyVocabulary.FeeableRequestKinds)}");
        }

        var missing = PolicyVocabulary.RequestKinds.Where(k => requests.Kinds.All(r => r.Id != k)).ToList();
        if (missing.Count > 0)
            c.Report(at / "kinds", PolicyProblemCodes.RequestKindMissing,
                $"requests.kinds lacks {string.Join(", ", missing)}; all nine kinds must be available (Art. 32)");

        if (requests.DueDays > PolicyVocabulary.MaxDueDays || requests.InternalTargetDays > requests.DueDays)
            c.Report(at / "dueDays", PolicyProblemCodes.RequestDeadline,
                $"deadlines must satisfy internalTargetDays ({requests.InternalTargetDays}) ≤ dueDays ({requests.DueDays}) ≤ {PolicyVocabulary.MaxDueDays} (Art. 39)");

        for (var i = 0; i < requests.CategoriesKeptByLaw.Count; i++)
            c.RequireKnown(requests.CategoriesKeptByLaw[i].Category, at / "keptByLaw" / i / "category", c.Ids.CategoryIds, PolicyProblemCodes.RequestCategoryUnknown, "data category");
        for (var i = 0; i < requests.CategoriesNotRetained.Count; i++)
            c.RequireKnown(requests.CategoriesNotRetained[i].Category, at / "notRetained" / i / "category", c.Ids.CategoryIds, PolicyProblemCodes.RequestCategoryUnknown, "data category");

        var grounds = c.Policy.SensitiveData.Grounds;
        for (var i = 0; i < grounds.Count; i++)
        {
            if (grounds[i].ProvisionWithoutWrittenConsent && grounds[i].Number > PolicyVocabulary.LastGroundWithoutWrittenConsent)
                c.Report(JsonPath.Root / "sensitiveData" / "grounds" / i / "provisionWithoutWrittenConsent", PolicyProblemCodes.SensitiveGroundWrittenConsent,
                    $"ground {grounds[i].Number} ('{grounds[i].Id}') cannot allow provision without written consent; §8 limits that to ①–④");
        }

    }
}
