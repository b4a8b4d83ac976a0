using Mamori.Policy;
using Xunit;

namespace Mamori.Core.Tests.Policy;

/// <summary>Each APPI flag, from one edit to the small valid policy.</summary>
public sealed class PolicyDiffTests
{
    private static PolicyDocument Small() =>
        PolicyYamlConventions.Deserializer.Deserialize<PolicyDocument>(TestFiles.Read("TestData/valid/small.yaml"));

    private static PolicyDiffResult After(Action<PolicyDocument> edit)
    {
        var edited = Small();
        edit(edited);
        return PolicyDiff.Compare(Small(), edited);
    }

    private static PolicyChange Single(PolicyDiffResult result) => Assert.Single(result.Changes);

    private static Purpose Purpose(PolicyDocument p, string id) => p.Purposes.Single(x => x.Id == id);

    private static LocalizedText L(string ja, string en) => new() { Ja = ja, En = en };

    [Fact]
    public void The_same_policy_has_no_changes()
    {
        var result = PolicyDiff.Compare(Small(), Small());

        Assert.Empty(result.Changes);
        Assert.False(result.NeedsNewConsent);
        Assert.Equal("No changes.\n", result.Render("en"));
    }

    [Fact]
    public void A_new_purpose_needs_consent()
    {
        var change = Single(After(p => p.Purposes.Add(new Purpose
        {
            Id = "credit_scoring", Ref = "4(1)⑤", SubjectKinds = ["customer"], Label = L("与信審査", "Credit scoring"), Categories = ["contact.name"],
        })));

        Assert.Equal((ChangeKind.Added, ChangeSubject.Purpose, "credit_scoring", AppiFlags.Consent), (change.Kind, change.Subject, change.SubjectId, change.Flags));
        Assert.True(change.NeedsNewConsent);
        Assert.Equal("利用目的「与信審査」（4(1)⑤）を追加。当初の利用目的を超えるため、あらかじめ本人の同意が必要です。", change.Description.Ja);
    }

    [Fact]
    public void A_use_spelled_out_under_a_purpose_within_its_data_is_only_a_notice()
    {
        var result = After(p => p.Purposes.Add(new Purpose
        {
            Id = "agency.inquiries", Ref = "4(1)①-2", Parent = "agency", SubjectKinds = ["customer"],
            Label = L("お問い合わせへの対応", "Answering inquiries"), Categories = ["contact.email"],
        }));

        Assert.Equal(AppiFlags.Notice, Single(result).Flags);
        Assert.False(result.NeedsNewConsent);
    }

    [Fact]
    public void A_purpose_broadened_to_more_data_needs_consent_and_sensitive_data_is_flagged()
    {
        var change = Single(After(p => Purpose(p, "ads").Categories.Add("health.condition")));

        Assert.Equal((ChangeKind.Changed, AppiFlags.Consent | AppiFlags.Sensitive), (change.Kind, change.Flags));
        Assert.Contains("Medical history", change.Description.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reworded_purpose_that_keeps_its_data_is_only_a_notice()
    {
        var result = After(p => Purpose(p, "ads").Label = L("広告の配信及び効果測定", "Delivering and measuring advertising"));

        Assert.Equal(AppiFlags.Notice, Single(result).Flags);
        Assert.False(result.NeedsNewConsent);
    }

    [Fact]
    public void Changing_joint_use_purposes_or_responsible_party_needs_advance_notice()
    {
        var purposes = After(p => p.JointUse.Purposes.Remove("provision"));
        var responsible = After(p =>
        {
            p.Recipients.Add(new Recipient { Id = "group_child", Kind = "group_company", Name = L("子会社", "Subsidiary") });
            p.JointUse.Users.Add("group_child");
            p.JointUse.ResponsibleParty = "group_child";
        });

        Assert.Equal((ChangeSubject.JointUse, "purposes", AppiFlags.AdvanceNotice), (Single(purposes).Subject, Single(purposes).SubjectId, Single(purposes).Flags));
        Assert.False(purposes.NeedsNewConsent);
        Assert.Contains(responsible.Changes, c => c.SubjectId == "responsible_party" && c.Flags == AppiFlags.AdvanceNotice);
    }

    [Fact]
    public void Adding_joint_use_items_or_users_is_generally_not_allowed()
    {
        var items = After(p => p.JointUse.Items.Add("contact.email"));
        var users = After(p =>
        {
            p.Recipients.Add(new Recipient { Id = "group_child", Kind = "group_company", Name = L("子会社", "Subsidiary") });
            p.JointUse.Users.Add("group_child");
        });
        var narrowed = After(p => p.JointUse.Items.Remove("web.history"));

        Assert.Equal(AppiFlags.ChangeNotAllowed, Single(items).Flags);
        Assert.Contains(users.Changes, c => c.Subject == ChangeSubject.JointUse && c.Flags == AppiFlags.ChangeNotAllowed);
        Assert.True(items.NeedsNewConsent);
        Assert.Equal((ChangeKind.Removed, AppiFlags.None), (Single(narrowed).Kind, Single(narrowed).Flags));
    }

    [Fact]
    public void A_new_third_party_provision_needs_consent_or_opt_out()
    {
        var kind = After(p => p.ThirdParty.RecipientKinds.Add("advertiser"));
        var purpose = After(p => Purpose(p, "ads").IsProvision = true);
        var coSolicitation = After(p => p.ThirdParty.CoSolicitation.Items.Add("health.condition"));

        Assert.Equal((ChangeSubject.ThirdPartyProvision, AppiFlags.ProvisionConsent), (Single(kind).Subject, Single(kind).Flags));
        Assert.Equal(AppiFlags.Consent | AppiFlags.ProvisionConsent, Single(purpose).Flags);
        Assert.Equal((ChangeSubject.CoSolicitation, AppiFlags.ProvisionConsent), (Single(coSolicitation).Subject, Single(coSolicitation).Flags));
        Assert.True(kind.NeedsNewConsent);
    }

    [Fact]
    public void A_recipient_abroad_needs_consent_to_cross_border_provision()
    {
        var change = Single(After(p => p.Recipients.Add(new Recipient { Id = "sg_partner", Kind = "partner", Name = L("提携先", "Partner"), Country = "SG" })));

        Assert.Equal((ChangeKind.Added, ChangeSubject.Recipient, AppiFlags.ProvisionConsent), (change.Kind, change.Subject, change.Flags));
    }

    [Fact]
    public void A_category_becoming_sensitive_is_flagged()
    {
        var change = Single(After(p => p.DataCategories.Single(c => c.Id == "contact.email").Sensitivity = Sensitivity.Kibi));

        Assert.Equal((ChangeSubject.DataCategory, "contact.email", AppiFlags.Sensitive), (change.Subject, change.SubjectId, change.Flags));
        Assert.True(change.NeedsNewConsent);
    }

    [Fact]
    public void A_cookie_category_changing_its_consent_mode_asks_again_in_the_banner()
    {
        var change = Single(After(p => p.Cookies.Categories.Single(c => c.Id == "targeting").Mode = ConsentMode.OptOut));

        Assert.Equal((ChangeSubject.CookieCategory, AppiFlags.CookieConsent), (change.Subject, change.Flags));
        Assert.Contains("opt_in", change.Description.En, StringComparison.Ordinal);
        Assert.Contains("opt_out", change.Description.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Controller_name_address_and_representative_are_published_without_delay()
    {
        var result = After(p =>
        {
            p.Controller.Name = L("株式会社新テスト保険", "New Test Insurance Co., Ltd.");
            p.Controller.Address.Text = L("東京都千代田区丸の内1-1-1", "1-1-1 Marunouchi, Chiyoda-ku, Tokyo");
            p.Controller.Representative.Name = L("鈴木 一郎", "Ichiro Suzuki");
        });

        Assert.Equal(["name", "address", "representative"], result.Changes.Select(c => c.SubjectId));
        Assert.All(result.Changes, c => Assert.Equal((ChangeSubject.Controller, AppiFlags.PublishWithoutDelay), (c.Subject, c.Flags)));
        Assert.False(result.NeedsNewConsent);
    }

    [Fact]
    public void The_joint_use_responsible_party_moving_is_published_without_delay()
    {
        var change = Single(After(p => p.Recipients.Single(r => r.Id == "group_parent").Address!.Text = L("大阪府大阪市北区1-1", "1-1 Kita-ku, Osaka")));

        Assert.Equal((ChangeSubject.Recipient, "group_parent", AppiFlags.PublishWithoutDelay), (change.Subject, change.SubjectId, change.Flags));
    }

    [Fact]
    public void Other_wording_is_listed_by_section_without_a_flag()
    {
        var change = Single(After(p => p.Requests.Fee.Amount = 500));

        Assert.Equal((ChangeKind.Changed, ChangeSubject.Section, "requests", AppiFlags.None), (change.Kind, change.Subject, change.SubjectId, change.Flags));
        Assert.Equal("第9項（開示等の請求等）の記載を変更。", change.Description.Ja);
    }

    [Fact]
    public void Each_change_renders_as_one_line_with_its_flags_in_brackets()
    {
        var result = After(p =>
        {
            Purpose(p, "ads").Categories.Add("contact.email");
            p.Controller.Name = L("株式会社新テスト保険", "New Test Insurance Co., Ltd.");
        });

        Assert.Equal(
            "~ controller name: Name changes from \"Test Insurance Services Co., Ltd.\" to \"New Test Insurance Co., Ltd.\"; publish it without delay. [publish without delay]\n" +
            "~ purpose ads: Broadened purpose \"Delivering advertising\": now also uses \"Email address\". This goes beyond the original purpose, so consent is needed. [consent]\n",
            result.Render("en"));
        Assert.Equal(
            "~ 事業者 name: 名称を「株式会社テスト保険サービス」から「株式会社新テスト保険」に変更。遅滞なく公表します。 [遅滞なく公表]\n" +
            "~ 利用目的 ads: 利用目的「広告配信」を拡大：対象データに「メールアドレス」を追加。当初の利用目的を超えるため、本人の同意が必要です。 [本人の同意が必要]\n",
            result.Render("ja"));
        Assert.True(result.NeedsNewConsent);
    }

    [Fact]
    public void The_real_policy_compared_with_itself_has_no_changes()
    {
        Assert.SkipUnless(File.Exists(TestFiles.PathOf("policy/policy.yaml")), "policy/policy.yaml is not on this branch yet");
        PolicyDocument Real() => PolicyYamlConventions.Deserializer.Deserialize<PolicyDocument>(TestFiles.Read("policy/policy.yaml"));

        Assert.Empty(PolicyDiff.Compare(Real(), Real()).Changes);
    }
}
