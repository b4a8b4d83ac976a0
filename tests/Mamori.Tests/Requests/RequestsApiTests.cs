using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Requests;
using Mamori.Tests.Signals;
using Mamori.Staff;
using Mamori.Tests.Incidents;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Requests.RequestsKit;

namespace Mamori.Tests.Requests;

/// <summary><c>/api/v1/requests</c> through HttpClient: every kind from receipt to its answer, the fee, identity and
/// agents, documents, deadlines, refusal, and who may do what.</summary>
public abstract class RequestsApiTests<THost>(THost host) where THost : MamoriHost
{
    private Task<List<AuditEntry>> AuditOfAsync(Guid id) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Target == "request:" + id.ToString("D")).OrderBy(e => e.Sequence).ToListAsync(Ct));

    private static async Task<JsonElement> PersonAsync(HttpClient client, Guid person, string purpose = "agency.solicitation") =>
        await OkAsync(await client.GetAsync($"/api/v1/persons/{person}?purpose={purpose}", Ct));

    [Fact]
    public async Task A_disclosure_waits_for_its_fee_and_discloses_everything_retained()
    {
        var officer = await ClientAsync(host);
        var tag = Tag();
        var customer = await CustomerAsync(officer, tag);
        // A device of the customer's with a page view, linked to them.
        var device = SignalClient.NewDeviceId();
        var url = "https://www.kakacom-insurance.example/disclosure-" + tag;
        await SignalClient.ChooseAsync(host, device, new { analytics = true, targeting = false });
        await SignalClient.IngestAsync(await SignalClient.SiteAsync(host), SignalClient.PageView(host, device, url));
        await OkAsync(await officer.PostAsJsonAsync("/api/v1/links", new { deviceId = device, personId = customer.Id, purpose = "inquiry_response" }, Ct));
        // An earlier request of theirs.
        var earlier = await VerifiedAsync(officer, Application("suspension_of_provision", customer), customer.Id);
        await FulfilAsync(officer, earlier);

        var opened = await OpenAsync(officer, Application("disclosure", customer));
        var id = opened.GetProperty("id").GetGuid();
        Assert.True(opened.GetProperty("feeRequired").GetBoolean());
        Assert.Equal(1000, opened.GetProperty("feeAmount").GetInt32());
        Assert.Equal("received", opened.GetProperty("status").GetString());

        // The requester is found through the blind indexes.
        var candidates = await OkAsync(await officer.GetAsync($"/api/v1/requests/{id}/candidates", Ct));
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("id").GetGuid() == customer.Id);

        await OkAsync(await StepAsync(officer, id, "match", new { personId = customer.Id }));
        foreach (var document in new[] { "application_form", "identity_document" })
            await OkAsync(await StepAsync(officer, id, "checklist/" + document, new { @checked = true }));
        var verified = await OkAsync(await StepAsync(officer, id, "verification"));
        Assert.Equal("verified", verified.GetProperty("status").GetString());
        Assert.All(verified.GetProperty("checklist").EnumerateArray(), c => Assert.StartsWith("key:", c.GetProperty("checkedBy").GetString(), StringComparison.Ordinal));

        // Work waits for the money order.
        await ProblemAsync(await StepAsync(officer, id, "fulfilment"), HttpStatusCode.Conflict, RequestCodes.FeeUnpaid);
        var paid = await OkAsync(await StepAsync(officer, id, "fee"));
        Assert.NotEqual(JsonValueKind.Null, paid.GetProperty("feeReceivedAt").ValueKind);
        await ProblemAsync(await StepAsync(officer, id, "fee"), HttpStatusCode.Conflict, RequestCodes.FeeAlreadyReceived);
        var fulfilled = await FulfilAsync(officer, id);
        Assert.Equal("fulfilled", fulfilled.GetProperty("status").GetString());

        var package = await PackageAsync(officer, id);
        var disclosure = package.GetProperty("result").GetProperty("disclosure");
        var items = disclosure.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("category").GetString() == "contact.name" && i.GetProperty("value").GetString() == customer.Name);
        Assert.All(items, i => Assert.Equal("direct", i.GetProperty("channel").GetString()));
        Assert.Contains(disclosure.GetProperty("signals").EnumerateArray(), s => s.GetProperty("url").GetString() == url);
        Assert.Equal(device, disclosure.GetProperty("devices")[0].GetProperty("deviceId").GetString());
        Assert.Contains(disclosure.GetProperty("consents").EnumerateArray(), c => c.GetProperty("receiptId").GetGuid() != Guid.Empty);
        var before = Assert.Single(disclosure.GetProperty("earlierRequests").EnumerateArray());
        Assert.Equal(earlier, before.GetProperty("id").GetGuid());
        Assert.True(disclosure.GetProperty("provisionSuspended").GetBoolean());
        Assert.Contains("開示", package.GetProperty("letter").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(customer.Name + " 様", package.GetProperty("letter").GetProperty("addressee").EnumerateArray().Select(a => a.GetString()));

        // The Japanese letter, as a PDF and as HTML.
        var pdf = await officer.GetAsync($"/api/v1/requests/{id}/package?format=pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("ご回答", text, StringComparison.Ordinal);
        Assert.Contains(tag, text, StringComparison.Ordinal);
        var html = await officer.GetStringAsync($"/api/v1/requests/{id}/package?format=html", Ct);
        Assert.Contains("保有個人データ", html, StringComparison.Ordinal);

        // Electronic answer: a token for the link and a password to send apart, both shown once.
        var answer = await OkAsync(await StepAsync(officer, id, "answer"));
        Assert.Equal("electronic", answer.GetProperty("method").GetString());
        Assert.True(answer.GetProperty("token").GetString()!.Length >= 40);
        Assert.Equal(12, answer.GetProperty("password").GetString()!.Length);
        Assert.Equal(host.Clock.GetUtcNow().AddDays(14), answer.GetProperty("expiresAt").GetDateTimeOffset());

        // Every transition is in the trail with its actor; the trail holds codes, never the requester's values.
        var trail = await AuditOfAsync(id);
        Assert.Equal(
            [AuditActions.RequestOpened, AuditActions.RequestPersonMatched, AuditActions.RequestVerified, AuditActions.RequestFeeReceived,
             AuditActions.DisclosureBuilt, AuditActions.RequestFulfilled, AuditActions.RequestAnswered],
            trail.Where(e => e.Action is not (AuditActions.RequestRead or AuditActions.RequestChecked or AuditActions.RequestPackageRead)).Select(e => e.Action));
        Assert.All(trail, e => Assert.StartsWith("key:", e.Actor, StringComparison.Ordinal));
        Assert.DoesNotContain(trail, e => e.Reasons.Contains(tag, StringComparison.Ordinal) || e.Categories.Contains(tag, StringComparison.Ordinal));
        var detail = await OkAsync(await officer.GetAsync($"/api/v1/requests/{id}", Ct));
        Assert.Equal(["received", "verified", "fulfilled", "answered"], detail.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task The_requesters_data_and_documents_are_encrypted_at_rest()
    {
        var officer = await ClientAsync(host);
        var tag = Tag();
        var customer = await CustomerAsync(officer, tag);
        var opened = await OpenAsync(officer, Application("purpose_notice", customer));
        var id = opened.GetProperty("id").GetGuid();
        var scan = Encoding.UTF8.GetBytes("%PDF-1.4 scanned licence " + tag);
        var uploaded = await OkAsync(await UploadAsync(officer, id, scan, "identity_document"));
        Assert.Equal("application/pdf", uploaded.GetProperty("contentType").GetString());

        var stored = await host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<MamoriDb>();
            var request = await db.Set<RequestCase>().AsNoTracking().SingleAsync(r => r.Id == id, Ct);
            var document = await db.Set<RequestDocumentFile>().AsNoTracking().SingleAsync(d => d.RequestId == id, Ct);
            return (request.Payload, document.Ciphertext);
        });
        Assert.DoesNotContain(tag, Encoding.UTF8.GetString(stored.Payload), StringComparison.Ordinal);
        Assert.DoesNotContain(tag, Encoding.UTF8.GetString(stored.Ciphertext), StringComparison.Ordinal);

        // Decrypted for those who handle requests.
        var back = await officer.GetAsync($"/api/v1/requests/{id}/documents/{uploaded.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(scan, await back.Content.ReadAsByteArrayAsync(Ct));
        var detail = await OkAsync(await officer.GetAsync($"/api/v1/requests/{id}", Ct));
        Assert.Equal(customer.Name, detail.GetProperty("application").GetProperty("requester").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_closed_requests_data_can_be_crypto_shredded_and_its_record_stays()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = await VerifiedAsync(officer, Application("suspension_of_use", customer), customer.Id);
        await ProblemAsync(await StepAsync(officer, id, "shredding", new { reason = "retention over" }), HttpStatusCode.Conflict, RequestCodes.InvalidTransition);
        await FulfilAsync(officer, id);
        await OkAsync(await StepAsync(officer, id, "answer"));
        var operatorClient = await ClientAsync(host, Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(operatorClient, id, "shredding", new { reason = "retention over" })).StatusCode);

        var shredded = await OkAsync(await StepAsync(officer, id, "shredding", new { reason = "retention over" }));
        Assert.True(shredded.GetProperty("shredded").GetBoolean());
        Assert.Equal("", shredded.GetProperty("application").GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("answered", shredded.GetProperty("status").GetString());
        Assert.Empty(shredded.GetProperty("documents").EnumerateArray());
        Assert.Equal(4, shredded.GetProperty("transitions").GetArrayLength());
        await ProblemAsync(await officer.GetAsync($"/api/v1/requests/{id}/package", Ct), HttpStatusCode.Gone, RequestCodes.Shredded);
        Assert.True(await host.WithServiceAsync(sp => sp.GetRequiredService<Mamori.Vault.Crypto.KeyVault>().IsShreddedAsync(id, Ct)));
        Assert.Contains(await AuditOfAsync(id), e => e.Action == AuditActions.RequestShredded);
    }

    [Fact]
    public async Task Only_pdf_jpeg_and_png_are_accepted_by_their_content_and_size()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = (await OpenAsync(officer, Application("disclosure", customer))).GetProperty("id").GetGuid();

        await OkAsync(await UploadAsync(officer, id, Png, "identity_document", "image/png"));
        await OkAsync(await UploadAsync(officer, id, Jpeg, null, "image/jpeg"));
        // A script calling itself a PDF, and an empty file.
        await ProblemAsync(await UploadAsync(officer, id, "<script>alert(1)</script>"u8.ToArray(), "application_form"),
            HttpStatusCode.UnsupportedMediaType, RequestCodes.DocumentType);
        await ProblemAsync(await UploadAsync(officer, id, [], "application_form"), HttpStatusCode.RequestEntityTooLarge, RequestCodes.DocumentSize);
        var tooLarge = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(tooLarge, 0);
        await ProblemAsync(await UploadAsync(officer, id, tooLarge, "application_form"), HttpStatusCode.RequestEntityTooLarge, RequestCodes.DocumentSize);
        await ProblemAsync(await UploadAsync(officer, id, Pdf, "power_of_attorney"), HttpStatusCode.BadRequest, RequestCodes.DocumentUnknown);

        var detail = await OkAsync(await officer.GetAsync($"/api/v1/requests/{id}", Ct));
        Assert.Equal(["image/png", "image/jpeg"], detail.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task Agents_bring_their_own_documents_to_the_checklist()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var appointed = await OpenAsync(officer, Application("disclosure", customer, agent: new { type = "appointed", name = "代理 一郎", email = "agent@example.jp" }));
        Assert.Equal(["application_form", "identity_document", "power_of_attorney", "seal_certificate", "agent_identity_document"],
            appointed.GetProperty("checklist").EnumerateArray().Select(c => c.GetString()));
        var legal = await OpenAsync(officer, Application("correction", customer, agent: new { type = "legal", name = "法定 花子" },
            changes: new Dictionary<string, string> { ["contact.address"] = "新住所" }));
        Assert.Equal(["application_form", "identity_document", "legal_representation_proof", "legal_agent_identity_document"],
            legal.GetProperty("checklist").EnumerateArray().Select(c => c.GetString()));
        await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/requests", Application("disclosure", customer, agent: new { type = "appointed" }), Ct),
            HttpStatusCode.BadRequest, RequestCodes.AgentMissing);

        // The letter is addressed to the person and their agent.
        var id = await VerifiedAsync(officer, Application("suspension_of_use", customer, agent: new { type = "appointed", name = "代理 一郎" }), customer.Id);
        await FulfilAsync(officer, id);
        var letter = (await PackageAsync(officer, id)).GetProperty("letter");
        Assert.Contains($"{customer.Name} 様 代理人 代理 一郎 様", letter.GetProperty("addressee").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Two_staff_closing_one_request_at_once_cannot_both_succeed()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = (await OpenAsync(officer, Application("disclosure", customer, responseMethod: "paper"))).GetProperty("id").GetGuid();

        // Staff A has the case open (read while it was received); meanwhile staff B withdraws it.
        var conflict = await host.WithServiceAsync(async a =>
        {
            await a.GetRequiredService<MamoriDb>().Set<RequestCase>().SingleAsync(r => r.Id == id, Ct);
            await host.WithServiceAsync(b => b.GetRequiredService<RequestCases>().WithdrawAsync(id, "staff:b", Ct));
            return await Assert.ThrowsAsync<MamoriException>(() => a.GetRequiredService<RequestCases>()
                .RefuseAsync(id, "identity_unverified", "書類不備", "staff:a", Ct));
        });

        Assert.Equal((RequestCodes.Conflict, 409), (conflict.Code, conflict.Status));
        var transitions = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<RequestTransition>().AsNoTracking()
            .Where(t => t.RequestId == id).Select(t => t.To).ToListAsync(Ct));
        Assert.Equal([RequestStatuses.Received, RequestStatuses.Withdrawn], transitions); // opened, then withdrawn; no refusal
        Assert.Equal("withdrawn", (await OkAsync(await officer.GetAsync($"/api/v1/requests/{id}", Ct))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_that_cannot_be_verified_is_refused_on_that_ground()
    {
        var officer = await ClientAsync(host);
        var tag = Tag();
        var customer = await CustomerAsync(officer, tag);
        var id = (await OpenAsync(officer, Application("disclosure", customer, responseMethod: "paper"))).GetProperty("id").GetGuid();

        await ProblemAsync(await StepAsync(officer, id, "fulfilment"), HttpStatusCode.Conflict, RequestCodes.IdentityUnverified);
        await ProblemAsync(await StepAsync(officer, id, "verification"), HttpStatusCode.Conflict, RequestCodes.PersonNotMatched);
        await OkAsync(await StepAsync(officer, id, "match", new { personId = customer.Id }));
        await OkAsync(await StepAsync(officer, id, "checklist/application_form", new { @checked = true }));
        await ProblemAsync(await StepAsync(officer, id, "verification"), HttpStatusCode.Conflict, RequestCodes.ChecklistIncomplete);

        await ProblemAsync(await StepAsync(officer, id, "refusal", new { ground = "no_such_ground", reason = "x" }), HttpStatusCode.BadRequest, RequestCodes.GroundUnknown);
        await ProblemAsync(await StepAsync(officer, id, "refusal", new { ground = "identity_unverified" }), HttpStatusCode.BadRequest, RequestCodes.ReasonMissing);
        var refused = await OkAsync(await StepAsync(officer, id, "refusal",
            new { ground = "identity_unverified", reason = "同封の本人確認書類の氏名が申請書と一致しないため" + tag }));
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("identity_unverified", refused.GetProperty("refusalGround").GetString());
        await ProblemAsync(await StepAsync(officer, id, "fulfilment"), HttpStatusCode.Conflict, RequestCodes.InvalidTransition);

        var pdf = await officer.GetAsync($"/api/v1/requests/{id}/package?format=pdf", Ct);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("応じない旨", text, StringComparison.Ordinal);
        Assert.Contains("確認できない場合", text, StringComparison.Ordinal);
        Assert.Contains(tag, text, StringComparison.Ordinal);
        var refusal = (await AuditOfAsync(id)).Single(e => e.Action == AuditActions.RequestRefused);
        Assert.Contains("identity_unverified", refusal.Reasons, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("incomplete_documents")]
    [InlineData("requirements_not_met")]
    [InlineData("exempt_by_law")]
    public async Task Every_refusal_ground_names_itself_in_the_letter(string ground)
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = await VerifiedAsync(officer, Application("erasure", customer), customer.Id);
        await OkAsync(await StepAsync(officer, id, "refusal", new { ground, reason = "理由の説明" }));
        var package = await PackageAsync(officer, id);
        Assert.Equal(ground, package.GetProperty("refusalGround").GetString());
        var sections = package.GetProperty("letter").GetProperty("sections").EnumerateArray().ToList();
        Assert.Contains(sections, s => s.GetProperty("heading").GetString()!.Contains("第10項", StringComparison.Ordinal));
        Assert.Contains(sections, s => s.GetProperty("text").GetString() == "理由の説明");
        // The person was not touched.
        await PersonAsync(officer, customer.Id);
    }

    [Fact]
    public async Task Purpose_notice_lists_the_purposes_that_apply_to_the_person()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = await VerifiedAsync(officer, Application("purpose_notice", customer, responseMethod: "paper"), customer.Id);
        var result = (await FulfilAsync(officer, id)).GetProperty("result");
        var purposes = result.GetProperty("purposes").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("agency.identity_check", purposes);
        Assert.DoesNotContain("recruit.selection", purposes); // an applicant's purpose
        Assert.DoesNotContain("hr.personnel_management", purposes);

        // Paper was chosen: no link, the letter is the answer.
        var answer = await OkAsync(await StepAsync(officer, id, "answer"));
        Assert.Equal("paper", answer.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("token").ValueKind);
        var text = await PdfText.ExtractAsync(await (await officer.GetAsync($"/api/v1/requests/{id}/package?format=pdf", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("利用目的", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_and_addition_change_the_vault_and_keep_before_and_after_out_of_the_trail()
    {
        var officer = await ClientAsync(host);
        var tag = Tag();
        var customer = await CustomerAsync(officer, tag);
        var newEmail = $"new.{tag}@example.jp";
        var id = await VerifiedAsync(officer, Application("correction", customer,
            changes: new Dictionary<string, string> { ["contact.email"] = newEmail }), customer.Id);
        Assert.False((await OkAsync(await officer.GetAsync($"/api/v1/requests/{id}", Ct))).GetProperty("feeRequired").GetBoolean());
        var change = Assert.Single((await FulfilAsync(officer, id)).GetProperty("result").GetProperty("changes").EnumerateArray());
        Assert.Equal((customer.Email, newEmail), (change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        var person = await PersonAsync(officer, customer.Id);
        Assert.Equal(newEmail, person.GetProperty("items").GetProperty("contact.email").GetString());
        // The blind index follows: the new address finds the person, the old one no longer does.
        var found = await OkAsync(await officer.PostAsJsonAsync("/api/v1/persons/search", new { email = newEmail }, Ct));
        Assert.Contains(found.GetProperty("matches").EnumerateArray(), m => m.GetProperty("id").GetGuid() == customer.Id);
        var old = await OkAsync(await officer.PostAsJsonAsync("/api/v1/persons/search", new { email = customer.Email }, Ct));
        Assert.DoesNotContain(old.GetProperty("matches").EnumerateArray(), m => m.GetProperty("id").GetGuid() == customer.Id);

        var corrected = (await AuditOfAsync(id)).Single(e => e.Action == AuditActions.PersonCorrected);
        Assert.Equal("contact.email", corrected.Categories);
        Assert.DoesNotContain(await host.AuditEntriesAsync(), e => e.Reasons.Contains(tag, StringComparison.Ordinal) || e.Target?.Contains(tag, StringComparison.Ordinal) == true);

        var addition = await VerifiedAsync(officer, Application("addition", customer,
            changes: new Dictionary<string, string> { ["contact.phone"] = "03-1234-5678" }), customer.Id);
        var added = Assert.Single((await FulfilAsync(officer, addition)).GetProperty("result").GetProperty("changes").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, added.GetProperty("before").ValueKind);
        Assert.Equal("03-1234-5678", (await PersonAsync(officer, customer.Id)).GetProperty("items").GetProperty("contact.phone").GetString());
        await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/requests", Application("correction", customer), Ct), HttpStatusCode.BadRequest, RequestCodes.ChangesMissing);
    }

    [Fact]
    public async Task Deletion_removes_the_items_but_keeps_what_a_law_obliges_suspended_with_the_reason()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = await VerifiedAsync(officer, Application("deletion", customer, categories: ["consultation.content", "insurance.policy"]), customer.Id);
        var result = (await FulfilAsync(officer, id)).GetProperty("result");
        Assert.Equal(["consultation.content"], result.GetProperty("deleted").EnumerateArray().Select(c => c.GetString()));
        var kept = Assert.Single(result.GetProperty("kept").EnumerateArray());
        Assert.Equal("insurance.policy", kept.GetProperty("category").GetString());
        Assert.Contains("保険業法", kept.GetProperty("reasonJa").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("useSuspended").GetBoolean());

        // Kept but suspended: ordinary uses stop.
        await ProblemAsync(await officer.GetAsync($"/api/v1/persons/{customer.Id}?purpose=agency.solicitation", Ct), HttpStatusCode.Forbidden, "subject.use_suspended");
        await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/requests", Application("deletion", customer), Ct), HttpStatusCode.BadRequest, RequestCodes.CategoriesMissing);
    }

    [Fact]
    public async Task Erasure_crypto_shreds_the_person_unless_a_law_obliges_keeping_some_data()
    {
        var officer = await ClientAsync(host);
        var free = await CustomerAsync(officer, Tag(), withContract: false);
        var id = await VerifiedAsync(officer, Application("erasure", free), free.Id);
        var result = (await FulfilAsync(officer, id)).GetProperty("result");
        Assert.True(result.GetProperty("erased").GetBoolean());
        await ProblemAsync(await officer.GetAsync($"/api/v1/persons/{free.Id}?purpose=agency.solicitation", Ct), HttpStatusCode.Gone, "person.erased");
        Assert.True(await host.WithServiceAsync(sp => sp.GetRequiredService<Mamori.Vault.Crypto.KeyVault>().IsShreddedAsync(free.Id, Ct)));
        // The answer still reads: the request has its own key.
        var text = await PdfText.ExtractAsync(await (await officer.GetAsync($"/api/v1/requests/{id}/package?format=pdf", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("消去しました", text, StringComparison.Ordinal);

        var bound = await CustomerAsync(officer, Tag());
        var kept = (await FulfilAsync(officer, await VerifiedAsync(officer, Application("erasure", bound), bound.Id))).GetProperty("result");
        Assert.False(kept.GetProperty("erased").GetBoolean());
        Assert.Equal(["insurance.policy"], kept.GetProperty("kept").EnumerateArray().Select(k => k.GetProperty("category").GetString()));
        Assert.DoesNotContain("insurance.policy", kept.GetProperty("deleted").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("contact.name", kept.GetProperty("deleted").EnumerateArray().Select(c => c.GetString()));
        await ProblemAsync(await officer.GetAsync($"/api/v1/persons/{bound.Id}?purpose=agency.solicitation", Ct), HttpStatusCode.Forbidden, "subject.use_suspended");
    }

    [Fact]
    public async Task Suspensions_set_the_flags_every_decision_enforces()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var provision = await VerifiedAsync(officer, Application("suspension_of_provision", customer), customer.Id);
        Assert.True((await FulfilAsync(officer, provision)).GetProperty("result").GetProperty("provisionSuspended").GetBoolean());
        var decision = await OkAsync(await officer.PostAsJsonAsync("/api/v1/decisions",
            new { purpose = "agency.third_party_provision", categories = new[] { "web.browsing_history" }, personId = customer.Id }, Ct));
        Assert.False(decision.GetProperty("allowed").GetBoolean());
        Assert.Contains("subject.provision_suspended", decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        await PersonAsync(officer, customer.Id); // other uses go on

        var use = await VerifiedAsync(officer, Application("suspension_of_use", customer), customer.Id);
        Assert.True((await FulfilAsync(officer, use)).GetProperty("result").GetProperty("useSuspended").GetBoolean());
        await ProblemAsync(await officer.GetAsync($"/api/v1/persons/{customer.Id}?purpose=agency.solicitation", Ct), HttpStatusCode.Forbidden, "subject.use_suspended");
    }

    [Fact]
    public async Task Provision_record_disclosure_returns_the_records_and_waits_for_the_fee()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        // The agency received the customer's data from another agency (an Art. 30 record).
        await OkAsync(await officer.PostAsJsonAsync("/api/v1/provision-records/receipts", new
        {
            personId = customer.Id,
            providerName = "株式会社サンプル保険サービス",
            providerAddress = "東京都千代田区丸の内1-1-1",
            providerRepresentative = "代表取締役 山本 一郎",
            acquisition = "本人から直接、提供への同意を得て取得",
            items = new[] { "contact.name", "contact.phone" },
            basis = "consent",
        }, Ct));
        var id = await VerifiedAsync(officer, Application("provision_record_disclosure", customer), customer.Id, payFee: false);
        await ProblemAsync(await StepAsync(officer, id, "fulfilment"), HttpStatusCode.Conflict, RequestCodes.FeeUnpaid);
        await OkAsync(await StepAsync(officer, id, "fee"));
        var result = (await FulfilAsync(officer, id)).GetProperty("result");
        var record = Assert.Single(result.GetProperty("provisionRecords").EnumerateArray());
        Assert.Equal(("art30", "株式会社サンプル保険サービス"), (record.GetProperty("kind").GetString(), record.GetProperty("partyName").GetString()));
        var text = await PdfText.ExtractAsync(await (await officer.GetAsync($"/api/v1/requests/{id}/package?format=pdf", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("株式会社サンプル保険サービス", text, StringComparison.Ordinal);
        Assert.Contains((await AuditOfAsync(id)).Select(e => e.Action), a => a == AuditActions.RequestFulfilled);
        var answer = await OkAsync(await StepAsync(officer, id, "answer", new { paper = true }));
        Assert.Equal("paper", answer.GetProperty("method").GetString());
        Assert.True(answer.GetProperty("fellBackToPaper").GetBoolean());
    }

    [Fact]
    public async Task Free_kinds_need_no_fee_and_withdrawal_ends_a_case()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var id = (await OpenAsync(officer, Application("suspension_of_use", customer))).GetProperty("id").GetGuid();
        await ProblemAsync(await StepAsync(officer, id, "fee"), HttpStatusCode.Conflict, RequestCodes.FeeNotRequired);
        var withdrawn = await OkAsync(await StepAsync(officer, id, "withdrawal"));
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        await ProblemAsync(await StepAsync(officer, id, "withdrawal"), HttpStatusCode.Conflict, RequestCodes.InvalidTransition);
        await ProblemAsync(await officer.GetAsync($"/api/v1/requests/{id}/package", Ct), HttpStatusCode.Conflict, RequestCodes.NotReady);
        await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/requests", Application("subscription", customer), Ct), HttpStatusCode.BadRequest, RequestCodes.KindUnknown);
        // The online channel stays closed while the policy takes requests by post only.
        var online = Application("disclosure", customer);
        var body = JsonSerializer.SerializeToNode(online)!;
        body["channel"] = "online";
        await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/requests", body, Ct), HttpStatusCode.Forbidden, RequestCodes.OnlineFormClosed);
    }

    [Fact]
    public async Task Deadlines_follow_the_policy_and_the_queue_marks_what_is_late()
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var now = host.Clock.GetUtcNow();
        var fresh = await OpenAsync(officer, Application("suspension_of_use", customer));
        Assert.Equal(now.AddDays(14), fresh.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(now.AddDays(7), fresh.GetProperty("targetAt").GetDateTimeOffset());
        var nearing = await OpenAsync(officer, Application("suspension_of_use", customer, receivedAt: now.AddDays(-8)));
        var late = await OpenAsync(officer, Application("suspension_of_use", customer, receivedAt: now.AddDays(-15)));
        await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/requests", Application("disclosure", customer, receivedAt: now.AddDays(1)), Ct),
            HttpStatusCode.BadRequest, RequestCodes.ReceivedInFuture);

        async Task<List<(Guid Id, string Urgency)>> QueueAsync()
        {
            var queue = await OkAsync(await officer.GetAsync("/api/v1/requests", Ct));
            return [.. queue.EnumerateArray().Select(q => (q.GetProperty("id").GetGuid(), q.GetProperty("urgency").GetString()!))];
        }
        var ids = new[] { late, nearing, fresh }.Select(o => o.GetProperty("id").GetGuid()).ToList();
        var mine = (await QueueAsync()).Where(q => ids.Contains(q.Id)).ToList();
        Assert.Equal([(ids[0], "overdue"), (ids[1], "near_due"), (ids[2], "on_track")], mine);

        // A week and a day on, the fresh one is past the internal target; two weeks and a day on, past its deadline.
        host.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal("near_due", (await QueueAsync()).Single(q => q.Id == ids[2]).Urgency);
        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal("overdue", (await QueueAsync()).Single(q => q.Id == ids[2]).Urgency);
        // Closed cases leave the queue.
        await OkAsync(await StepAsync(officer, ids[0], "withdrawal"));
        Assert.DoesNotContain(await QueueAsync(), q => q.Id == ids[0]);
    }

    [Theory]
    [InlineData(Roles.Operator, "fulfilment")]
    [InlineData(Roles.Operator, "answer")]
    [InlineData(Roles.Operator, "refusal")]
    public async Task Operators_take_requests_in_but_only_the_privacy_officer_decides(string role, string step)
    {
        var officer = await ClientAsync(host);
        var customer = await CustomerAsync(officer, Tag());
        var operatorClient = await ClientAsync(host, role);
        var id = await VerifiedAsync(operatorClient, Application("suspension_of_use", customer), customer.Id);
        var denied = await StepAsync(operatorClient, id, step, new { ground = "exempt_by_law", reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        await FulfilAsync(officer, id);
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Marketing)]
    [InlineData(Roles.System)]
    [InlineData(Roles.Site)]
    public async Task Roles_without_request_permissions_are_refused(string role)
    {
        var client = await ClientAsync(host, role);
        var customer = await CustomerAsync(await ClientAsync(host), Tag());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/requests", Application("disclosure", customer), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/requests", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/requests/{Guid.NewGuid()}/package", Ct)).StatusCode);
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/requests", Ct)).StatusCode);
    }
}

public sealed class RequestsApiOnSqlite(SqliteHost host) : RequestsApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class RequestsApiOnPostgres(PostgresHost host) : RequestsApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
