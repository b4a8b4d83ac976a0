namespace Mamori.Policy.Validation;

/// <summary>
/// §3: informative kinds are stored under informative data categories; each tag names its cookie category,
/// provider, items and purposes, and a third-party tag says what it sends, to whom and why (the external
/// transmission rule, Telecommunications Business Act Art. 27-12); device-identifier and location purposes
/// exist, and advertising identifiers serve only purposes device identifiers serve.
/// </summary>
internal static class DeviceDataChecks
{
    public static void Check(CheckContext c)
    {
        CheckInformativeKinds(c);
        CheckTags(c);

        var device = c.Policy.DeviceIdentifiers;
        var deviceAt = JsonPath.Root / "deviceIdentifiers";
        c.RequireKnown(device.Purposes, deviceAt / "purposes", c.Ids.PurposeIds, PolicyProblemCodes.DevicePurposeUnknown, "purpose");
        c.RequireKnown(device.AdIdentifierPurposes, deviceAt / "adIdentifierPurposes", c.Ids.PurposeIds, PolicyProblemCodes.DeviceAdPurposeUnknown, "purpose");
        for (var i = 0; i < device.AdIdentifierPurposes.Count; i++)
        {
            var id = device.AdIdentifierPurposes[i];
            if (c.Ids.Purposes.ContainsKey(id) && !device.Purposes.Contains(id))
                c.Report(deviceAt / "adIdentifierPurposes" / i, PolicyProblemCodes.DeviceAdPurposeNotDevicePurpose,
                    $"advertising identifiers may serve '{id}', but device identifiers do not; add it to deviceIdentifiers.purposes or remove it here");
        }

        c.RequireKnown(c.Policy.Location.Purposes, JsonPath.Root / "location" / "purposes", c.Ids.PurposeIds,
            PolicyProblemCodes.LocationPurposeUnknown, "purpose");
    }

    private static void CheckInformativeKinds(CheckContext c)
    {
        var kinds = c.Policy.InformativeData.Kinds;
        for (var i = 0; i < kinds.Count; i++)
        {
            var at = JsonPath.Root / "informativeData" / "kinds" / i / "category";
            if (!c.Ids.Categories.TryGetValue(kinds[i].Category, out var category))
                c.RequireKnown(kinds[i].Category, at, c.Ids.CategoryIds, PolicyProblemCodes.InformativeCategoryUnknown, "data category");
            else if (!category.Informative)
                c.Report(at, PolicyProblemCodes.InformativeCategoryNotInformative,
                    $"data category '{category.Id}' is not marked informative, but §3(1) informative data is stored under it");
        }
    }

    private static void CheckTags(CheckContext c)
    {
        var tags = c.Policy.Cookies.Tags;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var at = JsonPath.Root / "cookies" / "tags" / i;
            c.RequireKnown(tag.Category, at / "category", c.Ids.CookieCategories, PolicyProblemCodes.TagCategoryUnknown, "cookie category");
            c.RequireKnown(tag.ItemsSent, at / "itemsSent", c.Ids.InformativeKinds, PolicyProblemCodes.TagItemUnknown, "informative kind");
            c.RequireKnown(tag.Purposes, at / "purposes", c.Ids.PurposeIds, PolicyProblemCodes.TagPurposeUnknown, "purpose");

            if (tag.Provider is { } provider)
                c.RequireKnown(provider, at / "provider", c.Ids.RecipientIds, PolicyProblemCodes.TagProviderUnknown, "recipient");
            else if (tag.Party == Party.Third)
                c.Report(at, PolicyProblemCodes.TagProviderMissing,
                    $"third-party tag '{tag.Id}' names no provider; the external transmission list must say who receives the data");

            if (tag.Party == Party.Third && (tag.ItemsSent.Count == 0 || tag.Purposes.Count == 0))
                c.Report(at, PolicyProblemCodes.TagDisclosureIncomplete,
                    $"third-party tag '{tag.Id}' must list the items it sends and the purposes (external transmission rule)");

            if (tag.Dmp && !c.Policy.Cookies.Dmp.Used)
                c.Report(at / "dmp", PolicyProblemCodes.TagDmpNotUsed,
                    $"tag '{tag.Id}' feeds the DMP, but cookies.dmp.used is false");
        }
    }
}
