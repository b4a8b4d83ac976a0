using Mamori.Decisions;
using Xunit;
using static Mamori.Decisions.DecisionCodes;

namespace Mamori.Core.Tests.Decisions;

/// <summary>Each rule of the engine against the real policy: the allowed case, then the denial with its own code.</summary>
public sealed class DecisionEngineTests
{
    private static readonly DecisionEngine s_engine = RepositoryPolicy.Engine;
    private static readonly CompiledPolicy s_policy = s_engine.Policy;

    private static readonly SubjectState s_none = default;

    /// <summary>
    /// Asks through the string API and through resolved ids, and checks both give the same (cached)
    /// decision, so every test covers both paths.
    /// </summary>
    private static Decision Ask(string purpose, string kind, SubjectState state, params string[] categories)
    {
        var byName = s_engine.Decide(purpose, categories, kind, state);
        if (s_policy.TryGetCategories(categories, out var set))
        {
            var byId = s_engine.Decide(new DecisionRequest(s_policy.PurposeId(purpose), set, s_policy.SubjectKindId(kind), state));
            Assert.Same(byName, byId);
        }
        return byName;
    }

    private static void AssertDenied(Decision decision, params string[] codes)
    {
        Assert.False(decision.IsAllowed, decision.ToString());
        Assert.Equal(codes, decision.Reasons);
    }

    private static void AssertAllowed(Decision decision)
    {
        Assert.True(decision.IsAllowed, decision.ToString());
        Assert.Same(Decision.Allowed, decision);
        Assert.Equal([Allowed], decision.Reasons);
    }

    private static SubjectState With(SubjectFlags flags) => new() { Flags = flags };

    private static SubjectState Ground(string ground, SubjectFlags flags = SubjectFlags.None) =>
        new() { SensitiveGround = s_policy.SensitiveGroundId(ground), Flags = flags };

    private static SubjectState WrittenConsent(params string[] categories)
    {
        Assert.True(s_policy.TryGetCategories(categories, out var set));
        return new() { WrittenConsent = set };
    }

    // --- purpose and subject kind (§4) ---------------------------------------------------------------

    [Fact]
    public void Identity_check_of_a_customer_with_its_categories_is_allowed() =>
        AssertAllowed(Ask("agency.identity_check", "customer", s_none, "contact.name", "contact.birthdate", "contact.phone"));

    [Fact]
    public void A_purpose_asked_with_no_categories_is_allowed() =>
        AssertAllowed(Ask("hr.business_communication", "employee", s_none));

    [Fact]
    public void Unknown_purpose_is_denied() =>
        AssertDenied(Ask("agency.mind_reading", "customer", s_none, "contact.name"), PurposeUnknown);

    [Fact]
    public void Purpose_id_out_of_range_is_denied_as_unknown()
    {
        var request = new DecisionRequest(s_policy.PurposeCount, CategorySet.Empty, s_policy.SubjectKindId("customer"), s_none);
        AssertDenied(s_engine.Decide(request), PurposeUnknown);
        AssertDenied(s_engine.Decide(request with { Purpose = CompiledPolicy.Unknown }), PurposeUnknown);
    }

    [Fact]
    public void Recruiting_purpose_does_not_apply_to_a_customer() =>
        AssertDenied(Ask("recruit.selection", "customer", s_none, "contact.name"), PurposeNotForSubjectKind);

    [Fact]
    public void Customer_purpose_does_not_apply_to_an_employee() =>
        AssertDenied(Ask("agency.campaign", "employee", s_none, "contact.name"), PurposeNotForSubjectKind);

    [Fact]
    public void Unknown_subject_kind_is_denied() =>
        AssertDenied(Ask("agency.campaign", "shareholder", s_none, "contact.name"), SubjectKindUnknown);

    // --- categories ----------------------------------------------------------------------------------

    [Fact]
    public void Category_outside_the_purpose_is_denied() =>
        AssertDenied(Ask("agency.campaign", "customer", s_none, "contact.name", "insurance.policy"), CategoryNotAllowedForPurpose);

    [Fact]
    public void Unknown_category_is_denied() =>
        AssertDenied(Ask("agency.campaign", "customer", s_none, "contact.name", "contact.shoe_size"), CategoryUnknown);

    [Fact]
    public void Category_id_beyond_the_policy_is_denied_as_unknown()
    {
        var request = new DecisionRequest(
            s_policy.PurposeId("agency.campaign"), CategorySet.Of(s_policy.CategoryCount), s_policy.SubjectKindId("customer"), s_none);
        AssertDenied(s_engine.Decide(request), CategoryUnknown);
    }

    [Fact]
    public void Request_data_category_serves_no_stated_purpose() =>
        AssertDenied(Ask("agency.inquiry_response", "customer", s_none, "request.data"), CategoryNotAllowedForPurpose);

    // --- devices (§3(1)) -----------------------------------------------------------------------------

    [Fact]
    public void Device_informative_data_for_usage_analysis_is_allowed() =>
        AssertAllowed(Ask("agency.usage_analysis", CompiledPolicy.DeviceKindName, s_none, "device.id", "web.browsing_history"));

    [Fact]
    public void Device_has_no_personal_items() =>
        AssertDenied(Ask("agency.web_operation", CompiledPolicy.DeviceKindName, s_none, "device.id", "contact.email"), CategoryNotForDevice);

    [Fact]
    public void Purpose_without_informative_data_does_not_apply_to_a_device() =>
        AssertDenied(Ask("agency.campaign", CompiledPolicy.DeviceKindName, s_none), PurposeNotForSubjectKind);

    // --- sensitive data (§8) -------------------------------------------------------------------------

    [Fact]
    public void Sensitive_data_without_ground_or_written_consent_is_denied() =>
        AssertDenied(Ask("agency.solicitation", "customer", s_none, "contact.name", "health.medical_history"), SensitiveNoGround);

    [Fact]
    public void Kibi_data_without_ground_is_denied() =>
        AssertDenied(Ask("hr.personnel_management", "employee", s_none, "sensitive.trade_union"), SensitiveNoGround);

    [Fact]
    public void Kibi_data_under_the_withholding_tax_ground_is_allowed_for_use() =>
        AssertAllowed(Ask("hr.personnel_management", "employee", Ground("withholding_tax"), "sensitive.trade_union"));

    [Fact]
    public void Sensitive_data_with_written_consent_for_it_is_allowed() =>
        AssertAllowed(Ask("agency.solicitation", "customer", WrittenConsent("health.medical_history"), "health.medical_history"));

    [Fact]
    public void Written_consent_covers_only_its_own_categories() =>
        AssertDenied(
            Ask("agency.solicitation", "customer", WrittenConsent("health.medical_history"), "health.medical_history", "health.checkup"),
            SensitiveNoGround);

    [Fact]
    public void Sensitive_data_under_a_legal_ground_is_allowed() =>
        AssertAllowed(Ask("agency.solicitation", "customer", Ground("law"), "health.medical_history"));

    [Fact]
    public void Insurance_business_ground_needs_the_written_consent() =>
        AssertDenied(Ask("agency.solicitation", "customer", Ground("insurance_business"), "health.checkup"), SensitiveWrittenConsentRequired);

    [Fact]
    public void Insurance_business_ground_with_written_consent_is_allowed()
    {
        var state = WrittenConsent("health.checkup") with { SensitiveGround = s_policy.SensitiveGroundId("insurance_business") };
        AssertAllowed(Ask("agency.solicitation", "customer", state, "health.checkup"));
    }

    [Theory]
    [InlineData("law")]
    [InlineData("vital_interests")]
    [InlineData("public_health")]
    [InlineData("state_cooperation")]
    public void Provision_of_sensitive_data_without_written_consent_is_allowed_under_grounds_1_to_4(string ground) =>
        AssertAllowed(Ask("agency.claims_and_changes", "customer", Ground(ground), "health.medical_history"));

    [Theory]
    [InlineData("withholding_tax")]
    [InlineData("inheritance")]
    [InlineData("public_information")]
    public void Provision_of_sensitive_data_under_grounds_5_to_8_needs_written_consent(string ground) =>
        AssertDenied(Ask("agency.claims_and_changes", "customer", Ground(ground), "health.medical_history"), SensitiveWrittenConsentRequired);

    [Fact]
    public void Provision_of_sensitive_data_with_written_consent_is_allowed() =>
        AssertAllowed(Ask("agency.claims_and_changes", "customer", WrittenConsent("health.medical_history"), "health.medical_history"));

    [Fact]
    public void Unknown_ground_is_denied()
    {
        var state = new SubjectState { SensitiveGround = 99 };
        AssertDenied(Ask("agency.solicitation", "customer", state, "contact.name"), SensitiveGroundUnknown);
    }

    // --- advertising identifiers (§3(3)) -------------------------------------------------------------

    [Fact]
    public void Ad_identifier_for_ad_optimisation_is_allowed()
    {
        AssertAllowed(Ask("agency.ad_delivery", "customer", s_none, "device.ad_id", "device.id"));
        AssertAllowed(Ask("agency.ad_delivery", CompiledPolicy.DeviceKindName, s_none, "device.ad_id"));
    }

    [Fact]
    public void Ad_identifier_for_any_other_purpose_is_denied() =>
        AssertDenied(Ask("agency.usage_analysis", "customer", s_none, "device.ad_id"), CategoryNotAllowedForPurpose, AdIdPurposeNotAllowed);

    [Fact]
    public void Ad_identifier_rule_holds_even_if_a_purpose_lists_the_category()
    {
        // A policy edit that lists ad ids under ⑦ does not override §3(3).
        var document = RepositoryPolicy.Load();
        document.Purposes.Single(p => p.Id == "agency.usage_analysis").Categories.Add("device.ad_id");
        var engine = DecisionEngine.For(document);
        AssertDenied(engine.Decide("agency.usage_analysis", ["device.ad_id"], "customer", s_none), AdIdPurposeNotAllowed);
    }

    [Fact]
    public void Ad_identifier_is_denied_when_the_device_limits_ad_tracking() =>
        AssertDenied(Ask("agency.ad_delivery", "customer", With(SubjectFlags.LimitAdTracking), "device.ad_id"), AdIdTrackingLimited);

    [Fact]
    public void Limit_ad_tracking_leaves_other_device_data_alone() =>
        AssertAllowed(Ask("agency.ad_delivery", "customer", With(SubjectFlags.LimitAdTracking), "device.id", "web.browsing_history"));

    // --- location (§3(4)) ----------------------------------------------------------------------------

    [Fact]
    public void Location_with_consent_for_a_location_purpose_is_allowed() =>
        AssertAllowed(Ask("agency.information_delivery", "customer", With(SubjectFlags.LocationConsent), "device.location"));

    [Fact]
    public void Location_without_consent_is_denied() =>
        AssertDenied(Ask("agency.service_improvement", "customer", s_none, "device.location"), LocationNoConsent);

    [Fact]
    public void Location_for_another_purpose_is_denied() =>
        AssertDenied(
            Ask("agency.usage_analysis", "customer", With(SubjectFlags.LocationConsent), "device.location"),
            CategoryNotAllowedForPurpose, LocationPurposeNotAllowed);

    [Fact]
    public void Location_purposes_come_from_section_3_4_not_from_the_purpose_list()
    {
        var document = RepositoryPolicy.Load();
        document.Location.Purposes.Remove("agency.information_delivery");
        var engine = DecisionEngine.For(document);
        AssertDenied(
            engine.Decide("agency.information_delivery", ["device.location"], "customer", With(SubjectFlags.LocationConsent)),
            LocationPurposeNotAllowed);
    }

    [Fact]
    public void Location_category_is_the_one_the_location_kind_maps_to()
    {
        var document = RepositoryPolicy.Load();
        document.InformativeData.Kinds.Single(k => k.Id == CompiledPolicy.LocationKind).Category = "web.referrer";
        var engine = DecisionEngine.For(document);
        AssertDenied(engine.Decide("agency.usage_analysis", ["web.referrer"], "customer", s_none), LocationNoConsent, LocationPurposeNotAllowed);
    }

    // --- suspensions set by requests -----------------------------------------------------------------

    [Fact]
    public void Suspension_of_use_blocks_ordinary_use() =>
        AssertDenied(Ask("agency.inquiry_response", "customer", With(SubjectFlags.UseSuspended), "contact.name"), SubjectUseSuspended);

    [Theory]
    [InlineData(SubjectFlags.HandlingRequest)]
    [InlineData(SubjectFlags.LegalDuty)]
    public void Suspension_of_use_does_not_block_handling_the_request_or_legal_duties(SubjectFlags use) =>
        AssertAllowed(Ask("agency.inquiry_response", "customer", With(SubjectFlags.UseSuspended | use), "contact.name"));

    [Fact]
    public void Suspension_of_provision_blocks_a_provision_purpose() =>
        AssertDenied(
            Ask("agency.quote_application", "customer", With(SubjectFlags.ProvisionSuspended), "contact.name"),
            SubjectProvisionSuspended);

    [Fact]
    public void Suspension_of_provision_leaves_internal_use_alone() =>
        AssertAllowed(Ask("agency.solicitation", "customer", With(SubjectFlags.ProvisionSuspended), "contact.name"));

    [Theory]
    [InlineData(SubjectFlags.HandlingRequest)]
    [InlineData(SubjectFlags.LegalDuty)]
    public void Suspension_of_provision_does_not_block_handling_the_request_or_legal_duties(SubjectFlags use) =>
        AssertAllowed(Ask("agency.quote_application", "customer", With(SubjectFlags.ProvisionSuspended | use), "contact.name"));

    // --- data received through a request (§9(5)) -----------------------------------------------------

    [Fact]
    public void Data_from_a_request_serves_no_other_purpose() =>
        AssertDenied(Ask("agency.product_notice", "customer", With(SubjectFlags.ReceivedThroughRequest), "contact.address"), RequestDataOtherPurpose);

    [Fact]
    public void Data_from_a_request_serves_that_request() =>
        AssertAllowed(Ask("agency.inquiry_response", "customer", With(SubjectFlags.ReceivedThroughRequest | SubjectFlags.HandlingRequest), "contact.address"));

    [Fact]
    public void A_legal_duty_does_not_free_data_from_a_request() =>
        AssertDenied(
            Ask("agency.inquiry_response", "customer", With(SubjectFlags.ReceivedThroughRequest | SubjectFlags.LegalDuty), "contact.address"),
            RequestDataOtherPurpose);

    // --- the answer as a whole -----------------------------------------------------------------------

    [Fact]
    public void Every_reason_that_applies_is_returned_in_code_order()
    {
        var state = new SubjectState { Flags = SubjectFlags.UseSuspended | SubjectFlags.ProvisionSuspended | SubjectFlags.ReceivedThroughRequest | SubjectFlags.LimitAdTracking };
        AssertDenied(
            Ask("agency.third_party_provision", "customer", state, "device.id", "device.ad_id", "device.location", "health.checkup"),
            CategoryNotAllowedForPurpose, SensitiveNoGround, AdIdPurposeNotAllowed, AdIdTrackingLimited,
            LocationNoConsent, LocationPurposeNotAllowed, SubjectUseSuspended, SubjectProvisionSuspended, RequestDataOtherPurpose);
    }

    [Fact]
    public void Unknown_purpose_still_reports_the_reasons_that_do_not_depend_on_it() =>
        AssertDenied(
            Ask("agency.nothing", "customer", With(SubjectFlags.UseSuspended), "device.location"),
            PurposeUnknown, LocationNoConsent, SubjectUseSuspended);

    [Fact]
    public void The_same_denial_is_the_same_instance()
    {
        var first = Ask("agency.campaign", "customer", s_none, "insurance.policy");
        var second = Ask("agency.campaign", "customer", s_none, "insurance.claim");
        Assert.Same(first, second);
    }

    [Fact]
    public void Permitted_keeps_only_the_categories_no_rule_blocks()
    {
        Assert.True(s_policy.TryGetCategories(["contact.email", "device.id", "device.location", "contact.name"], out var asked));
        var request = new DecisionRequest(s_policy.PurposeId("agency.information_delivery"), asked, s_policy.SubjectKindId("customer"), s_none);

        var permitted = s_engine.Permitted(request);

        Assert.Equal(["contact.email", "device.id"], Names(permitted).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Permitted_is_empty_when_the_whole_request_is_denied()
    {
        Assert.True(s_policy.TryGetCategories(["contact.name"], out var asked));
        var request = new DecisionRequest(
            s_policy.PurposeId("agency.campaign"), asked, s_policy.SubjectKindId("customer"), With(SubjectFlags.UseSuspended));
        Assert.True(s_engine.Permitted(request).IsEmpty);
    }

    private static List<string> Names(CategorySet set)
    {
        var names = new List<string>();
        foreach (var id in set)
            names.Add(s_policy.CategoryName(id));
        return names;
    }
}
