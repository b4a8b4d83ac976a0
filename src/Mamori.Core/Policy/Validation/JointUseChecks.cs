namespace Mamori.Policy.Validation;

/// <summary>
/// §6 joint use (Art. 27(5)(iii)): the items, users, purposes and responsible party it announces exist; its
/// purposes are §4(1) customer purposes; the responsible party is one of the joint users and its
/// representative is published (or a page that shows it); and no sensitive (機微) category is shared, for §8 gives no
/// ground for sharing it with group companies.
/// </summary>
internal static class JointUseChecks
{
    public static void Check(CheckContext c)
    {
        var jointUse = c.Policy.JointUse;
        var at = JsonPath.Root / "jointUse";

        c.RequireKnown(jointUse.Items, at / "items", c.Ids.CategoryIds, PolicyProblemCodes.JointUseItemUnknown, "data category");
        for (var i = 0; i < jointUse.Items.Count; i++)
        {
            if (c.Ids.Categories.TryGetValue(jointUse.Items[i], out var category) && category.Sensitive)
                c.Report(at / "items" / i, PolicyProblemCodes.JointUseItemSensitive,
                    $"data category '{category.Id}' is sensitive ({PolicyYamlConventions.EnumName(category.Sensitivity)}); §8 allows no joint use of it");
        }

        c.RequireKnown(jointUse.Users, at / "users", c.Ids.RecipientIds, PolicyProblemCodes.JointUseUserUnknown, "recipient");

        c.RequireKnown(jointUse.Purposes, at / "purposes", c.Ids.PurposeIds, PolicyProblemCodes.JointUsePurposeUnknown, "purpose");
        for (var i = 0; i < jointUse.Purposes.Count; i++)
        {
            if (c.Ids.Purposes.TryGetValue(jointUse.Purposes[i], out var purpose) && !purpose.SubjectKinds.Contains(PolicyVocabulary.CustomerSubjectKind))
                c.Report(at / "purposes" / i, PolicyProblemCodes.JointUsePurposeNotCustomer,
                    $"purpose '{purpose.Id}' is not a §4(1) customer purpose; joint use serves customer purposes only");
        }

        if (jointUse.NoticeGivenOn is { } notified && notified >= c.Policy.EffectiveFrom)
            c.Report(at / "noticeGivenOn", PolicyProblemCodes.JointUseNoticeLate,
                $"noticeGivenOn {notified:yyyy-MM-dd} is not before effectiveFrom {c.Policy.EffectiveFrom:yyyy-MM-dd}; a change of joint use is told in advance (Art. 27(6))");

        if (jointUse.ResponsibleParty.Length == 0 && jointUse.Users.Count == 0)
            return;   // the policy announces no joint use
        CheckResponsibleParty(c, jointUse, at / "responsibleParty");
    }

    private static void CheckResponsibleParty(CheckContext c, JointUse jointUse, JsonPath at)
    {
        var id = jointUse.ResponsibleParty;
        if (!c.Ids.Recipients.TryGetValue(id, out var party))
        {
            c.RequireKnown(id, at, c.Ids.RecipientIds, PolicyProblemCodes.JointUseResponsiblePartyUnknown, "recipient");
            return;
        }
        if (!jointUse.Users.Contains(id))
            c.Report(at, PolicyProblemCodes.JointUseResponsiblePartyNotUser,
                $"responsible party '{id}' is not among the joint users; the party responsible is one of them");
        // Its address is checked with the recipients; the representative is what joint use adds.
        if (party.Representative is null && party.Url is null)
            c.Report(at, PolicyProblemCodes.JointUseResponsiblePartyIncomplete,
                $"responsible party '{id}' needs a representative, or the url where it is published: Art. 27(5)(iii) requires its name, address and representative to be announced");
    }
}
