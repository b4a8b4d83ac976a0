namespace Mamori.Policy.Validation;

/// <summary>§5–§7: recipients are of a known kind, specific parties have an address, countries are real;
/// §5 provision, the co-solicitation items and §7 contractors name things that exist.</summary>
internal static class RecipientChecks
{
    public static void Check(CheckContext c)
    {
        var policy = c.Policy;
        for (var i = 0; i < policy.Recipients.Count; i++)
        {
            var recipient = policy.Recipients[i];
            var at = JsonPath.Root / "recipients" / i;
            var specific = IsSpecificParty(policy, recipient);
            c.RequireKnown(recipient.Kind, at / "kind", PolicyVocabulary.RecipientKinds, PolicyProblemCodes.RecipientKindUnknown, "recipient kind");
            if (specific && recipient.Address is null && recipient.Url is null)
                c.Report(at, PolicyProblemCodes.RecipientAddressMissing,
                    $"recipient '{recipient.Id}' is one specific company ({Why(policy, recipient)}); give its address, or the url where it is published");
            if (!IsoCountries.IsAlpha2(recipient.Country) && (specific || recipient.Country != PolicyVocabulary.UnknownCountry))
                c.Report(at / "country", PolicyProblemCodes.RecipientCountryInvalid, specific
                    ? $"country '{recipient.Country}' is not an ISO 3166-1 alpha-2 code (e.g. JP, US, IE); a specific recipient's country must be known"
                    : $"country '{recipient.Country}' is not an ISO 3166-1 alpha-2 code (e.g. JP, US, IE) nor 'unknown'");
        }

        var thirdParty = JsonPath.Root / "thirdParty";
        c.RequireKnown(policy.ThirdParty.RecipientKinds, thirdParty / "recipientKinds", PolicyVocabulary.RecipientKinds,
            PolicyProblemCodes.ThirdPartyRecipientKindUnknown, "recipient kind");
        c.RequireKnown(policy.ThirdParty.Purposes, thirdParty / "purposes", c.Ids.PurposeIds,
            PolicyProblemCodes.ThirdPartyPurposeUnknown, "purpose");
        c.RequireKnown(policy.ThirdParty.CoSolicitation.Items, thirdParty / "coSolicitation" / "items", c.Ids.CategoryIds,
            PolicyProblemCodes.CoSolicitationItemUnknown, "data category");

        var contractors = policy.Outsourcing.Contractors;
        var contractorsAt = JsonPath.Root / "outsourcing" / "contractors";
        c.RequireKnown(contractors, contractorsAt, c.Ids.RecipientIds, PolicyProblemCodes.OutsourcingContractorUnknown, "recipient");
        for (var i = 0; i < contractors.Count; i++)
        {
            if (c.Ids.Recipients.TryGetValue(contractors[i], out var contractor) && contractor.Kind != PolicyVocabulary.ContractorKind)
                c.Report(contractorsAt / i, PolicyProblemCodes.OutsourcingContractorKind,
                    $"'{contractor.Id}' is of kind {contractor.Kind}; outsourcing (委託) lists recipients of kind contractor only");
        }

    }

    private static bool IsSpecificParty(PolicyDocument policy, Recipient recipient) =>
        PolicyVocabulary.SpecificPartyKinds.Contains(recipient.Kind)
        || policy.JointUse.Users.Contains(recipient.Id)
        || policy.JointUse.ResponsibleParty == recipient.Id
        || policy.Outsourcing.Contractors.Contains(recipient.Id);

    private static string Why(PolicyDocument policy, Recipient recipient) =>
        policy.JointUse.Users.Contains(recipient.Id) || policy.JointUse.ResponsibleParty == recipient.Id ? "a joint user"
        : policy.Outsourcing.Contractors.Contains(recipient.Id) ? "a contractor"
        : $"kind {recipient.Kind}";
}
