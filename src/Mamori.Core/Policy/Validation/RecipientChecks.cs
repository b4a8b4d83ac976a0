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
            c.RequireKnown(recipient.Kind, at / "kind", PolicyVocabulary.RecipientKinds, PolicyProblemCodes.RecipientKindUnknown, "recipient kind");
            if (recipient.Address is null && PolicyVocabulary.SpecificPartyKinds.Contains(recipient.Kind))
                c.Report(at, PolicyProblemCodes.RecipientAddressMissing,
                    $"recipient '{recipient.Id}' (kind {recipient.Kind}) is one specific company and needs an address");
            if (!IsoCountries.IsAlpha2(recipient.Country))
                c.Report(at / "country", PolicyProblemCodes.RecipientCountryInvalid,
                    $"country '{recipient.Country}' is not an ISO 3166-1 alpha-2 code (e.g. JP, US, IE)");
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
}
