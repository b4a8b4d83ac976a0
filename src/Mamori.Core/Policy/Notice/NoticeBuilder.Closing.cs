using System.Globalization;
using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

// §11 security, §12 where to complain, §13 voluntariness, §14 scope, then the dates and the Privacy Mark block.
internal sealed partial class NoticeBuilder
{
    private Section SecuritySection()
    {
        var security = Policy.Security;
        var mark = security.PrivacyMark;
        var body = new List<Block>
        {
            new Facts(
            [
                new Detail(Plain(T.PrivacyMarkGrantor), context.Say(mark.Grantor)),
                new Detail(Plain(T.RegistrationNumber), Plain(mark.RegistrationNumber)),
            ]),
        };
        body.AddRange(context.Paragraphs(mark.Description));
        body.AddRange(security.Measures.Select((measure, index) => Sub(11, index + 1, context.Say(measure.Title),
            measure.Paragraphs.SelectMany(p => context.Paragraphs(p)),
            Numbering.Within(measure.Ref, "11", Numbering.Parenthesised(index + 1)))));
        body.Add(Sub(11, security.Measures.Count + 1, T.ExternalEnvironmentTitle, ExternalEnvironmentBody(security.ExternalEnvironment)));
        return Numbered(11, body);
    }

    /// <summary>§11(7): each place personal data is stored, its country and what is known of that country's regime (APPI Art. 32).</summary>
    private List<Block> ExternalEnvironmentBody(ExternalEnvironment environment)
    {
        var body = new List<Block>(context.Paragraphs(environment.Statement));
        if (environment.Locations.Count > 0)
        {
            body.Add(new Table("storage-locations", Plain(T.StorageLocationsCaption), [T.Country, T.StorageDescription, T.Regime],
            [
                .. environment.Locations.Select(location => new Row(
                    context.Country(location.Country),
                    [Cell.Of(context.Say(location.Description)), Cell.Of(context.Say(location.Regime))],
                    Numbering.Anchor("storage", location.Id))),
            ]));
        }

        // Every recipient or contractor in a named foreign country, with what is known of that country's regime.
        var abroad = Policy.Recipients.Concat(context.Registered).Where(r => r.Country.Length == 2 && r.Country != "JP").ToList();
        if (abroad.Count > 0)
        {
            body.Add(new Table("foreign-recipients", Plain(T.ForeignRecipientsCaption), [T.ForeignParty, T.Country, T.Regime],
            [
                .. abroad.Select(r => new Row(
                    context.Say(r.Name),
                    [Cell.Of(context.Country(r.Country)), Cell.Of(RegimeOf(environment, r.Country))],
                    Numbering.Anchor("abroad", r.Id))),
            ]));
        }

        return body;
    }

    private Inline RegimeOf(ExternalEnvironment environment, string country) =>
        environment.CountryRegimes?.FirstOrDefault(c => c.Country == country) is { } known ? context.Say(known.Regime) : Plain(T.RegimeNotKnown);

    private Section InquiriesSection()
    {
        var controller = Policy.Controller;
        var window = controller.ContactWindow;
        var body = new List<Block>(context.Paragraphs(Policy.Inquiries.Statement))
        {
            new Facts(
            [
                new Detail(Plain(T.ControllerName), context.Say(controller.Name)),
                new Detail(Plain(T.PrivacyOfficer), context.Say(controller.PrivacyOfficer)),
                new Detail(Plain(T.Contact), context.Say(window.Name)),
                new Detail(Plain(T.Address), context.Address(window.Address)),
            ]),
            Para(new Strong(new Link(Links.InquiryForm, Plain(T.InquiryFormLink))), "notice-action"),
            Para(window.AcceptsVisits ? T.VisitsAccepted : T.VisitsNotAccepted),
        };
        return Numbered(12, body);
    }

    private Section VoluntarinessSection() => Numbered(13, context.Paragraphs(Policy.Voluntariness));

    private Section ScopeSection()
    {
        var scope = Policy.Scope;
        var body = new List<Block>(context.Paragraphs(scope.Statement));
        if (scope.Services.Count > 0)
        {
            body.Add(new Table("services", Plain(T.ServicesCaption), [T.ServiceName, T.ServiceKind, T.ServiceTerms],
            [
                .. scope.Services.Select(service => new Row(
                    LinkTo(service.Url, context.Say(service.Name)),
                    [Cell.Of(Plain(T.ServiceKindName(service.Kind))), new Cell([.. TermsOverrideBlocks(service.TermsOverride)])],
                    Numbering.Anchor("service", service.Id))),
            ]));
        }

        return Numbered(14, body);
    }

    /// <summary>§14's exception: a service whose own terms override parts of this policy, and which parts.</summary>
    private IEnumerable<Block> TermsOverrideBlocks(TermsOverride? terms)
    {
        if (terms is null)
        {
            yield return Para(T.NoTermsOverride);
            yield break;
        }

        yield return Para(new Strong(context.Say(terms.Terms)));
        if (terms.Sections.Count > 0)
        {
            yield return Para(LabelAndValue(T.OverriddenSections, context.Join(terms.Sections.Select(SectionReference))));
        }

        foreach (var paragraph in context.Paragraphs(terms.Note))
        {
            yield return paragraph;
        }
    }

    /// <summary>"3(4)" → a link to §3's heading, reading 第3項(4) or Section 3(4).</summary>
    private Link SectionReference(string reference)
    {
        var digits = new string([.. reference.TakeWhile(char.IsAsciiDigit)]);
        var target = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 14
            ? "#s" + digits
            : "#s14";
        return new Link(target, Plain(T.SectionReference(reference)));
    }

    /// <summary>制定 / 最終改定 as the seed closes, with the version, when it took effect, and the revision history.</summary>
    private Section DatesSection()
    {
        var facts = new List<Detail>
        {
            new(Plain(T.Established), context.Date(Policy.Established)),
            new(Plain(T.LastRevised), context.Date(LastRevised())),
            new(Plain(T.EffectiveFrom), context.Date(Policy.EffectiveFrom)),
            new(Plain(T.Version), Plain(Policy.Version)),
        };
        var body = new List<Block> { new Facts(facts) };
        if (Policy.Revisions.Count > 0)
        {
            body.Add(Para(T.RevisionHistory));
            body.Add(Bullets(Policy.Revisions.OrderBy(r => r.Date).Select(r =>
                Run.Of(context.Date(r.Date), Plain(T.Spacer), context.Say(r.Summary)))));
        }

        body.Add(Para(new Link(Links.EarlierVersions, Plain(T.EarlierVersions))));
        body.Add(Para(T.End, "notice-end"));
        return new Section("dates", Plain(T.DatesTitle), body);
    }

    /// <summary>The closing block: the Privacy Mark licence and the accredited body (JIPDEC) to complain to.</summary>
    private Section PrivacyMarkSection()
    {
        var body = Policy.AccreditedBody;
        var phones = body.Phones.Select(phone => (Inline)new Link("tel:" + phone, Plain(phone)));
        return new Section("privacy-mark", Plain(T.PrivacyMarkTitle),
        [
            .. context.Paragraphs(body.Statement),
            Para(new Strong(Plain(T.AccreditedBodyHeading))),
            new Facts(
            [
                new Detail(Plain(T.Name), context.Say(body.Name)),
                new Detail(Plain(T.Office), context.Say(body.Office)),
                new Detail(Plain(T.Address), context.Address(body.Address)),
                new Detail(Plain(T.Telephone), context.Join(phones)),
            ]),
        ]);
    }
}
