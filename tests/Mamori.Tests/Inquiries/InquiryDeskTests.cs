using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Inquiries;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Inquiries;

/// <summary>
/// The inquiry desk end to end: a person sends the public form and gets a reference; staff find the case in the
/// console, assign, answer and close it, each step audited; the content is encrypted at rest; forgeries, robots and
/// the wrong roles are turned away.
/// </summary>
public abstract class InquiryDeskTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid StaffId)> SignedInAsync(string role)
    {
        var user = role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateStaffAsync(user, role);
        var client = host.CreateClient();
        await host.SignInAsync(client, user);
        return (client, await host.StaffIdAsync(user));
    }

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    private async Task<(string Reference, Guid Id)> SubmitAsync(string message, string query = "")
    {
        var response = await InquiryTestKit.SendAsync(host, host.CreateClient(), InquiryTestKit.Fields(message), query: query);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = InquiryTestKit.Reference(html);
        Assert.NotNull(reference);
        return (reference, (await InquiryTestKit.FindAsync(host, reference)).Id);
    }

    [Fact]
    public async Task A_sent_inquiry_gets_a_reference_and_appears_in_the_console_encrypted_at_rest()
    {
        var message = "個人情報の取扱いについて苦情があります " + Guid.NewGuid().ToString("N")[..8];
        var response = await InquiryTestKit.SendAsync(host, host.CreateClient(), InquiryTestKit.Fields(message));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("お問い合わせを受け付けました", html, StringComparison.Ordinal);
        var reference = InquiryTestKit.Reference(html)!;
        // The reference carries the day in Japan (the host's clock starts at 09:00 JST on 27 Nov 2026).
        Assert.StartsWith("Q-20261127-", reference, StringComparison.Ordinal);
        // What was sent is not shown back.
        Assert.DoesNotContain(message, html, StringComparison.Ordinal);

        var stored = await InquiryTestKit.FindAsync(host, reference);
        Assert.Equal(InquiryStatuses.Received, stored.Status);
        Assert.Equal(InquiryKinds.Complaint, stored.Kind);
        Assert.Equal(InquiryChannels.Form, stored.Channel);
        Assert.False(await host.RawDatabaseContainsAsync(message));
        Assert.False(await host.RawDatabaseContainsAsync("hanako@example.jp"));

        var received = Assert.Single(await host.AuditEntriesAsync(), e => e.Action == AuditActions.InquiryReceived && e.Target == InquiryRegister.Target(stored.Id));
        Assert.Equal(AuditActors.Anonymous, received.Actor);

        var (officer, _) = await SignedInAsync(Roles.PrivacyOfficer);
        var (status, list) = await PageAsync(officer, "/console/inquiries");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"nav-inquiries\"", list, StringComparison.Ordinal);
        Assert.Contains($"data-inquiry=\"{stored.Id}\" data-status=\"received\"", list, StringComparison.Ordinal);
        Assert.Contains(reference, list, StringComparison.Ordinal);
        Assert.DoesNotContain(message, list, StringComparison.Ordinal); // the list opens nothing

        var (_, detail) = await PageAsync(officer, $"/console/inquiries/{stored.Id}");
        Assert.Contains(message, detail, StringComparison.Ordinal);
        Assert.Contains("山田 花子", detail, StringComparison.Ordinal);
        Assert.Contains("hanako@example.jp", detail, StringComparison.Ordinal);
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.InquiryRead && e.Target == InquiryRegister.Target(stored.Id) && e.Actor.StartsWith("staff:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_assign_answer_and_close_an_inquiry_and_every_step_is_audited()
    {
        var (reference, id) = await SubmitAsync("配信停止をお願いします");
        var (operatorClient, operatorId) = await SignedInAsync(Roles.Operator);
        var page = $"/console/inquiries/{id}";

        // Answering comes after assigning.
        var early = await Forms.PostAsync(operatorClient, page, new() { ["Answer"] = "早すぎる回答" }, page + "?handler=Answer");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("inquiry.transition_invalid", InquiryTestKit.ErrorCode(await early.Content.ReadAsStringAsync(Ct)));

        var assigned = await Forms.PostAsync(operatorClient, page, new() { ["AssignTo"] = operatorId.ToString() }, page + "?handler=Assign");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal($"/console/inquiries/{id}?lang=ja&done=assigned", assigned.Headers.Location!.OriginalString);
        var (_, afterAssign) = await PageAsync(operatorClient, assigned.Headers.Location!.OriginalString);
        Assert.Contains("data-status=\"assigned\"", afterAssign, StringComparison.Ordinal);
        Assert.Contains($"data-assignee=\"{operatorId}\"", afterAssign, StringComparison.Ordinal);

        var answer = "配信を停止しました。" + reference;
        var answered = await Forms.PostAsync(operatorClient, page, new() { ["Answer"] = answer }, page + "?handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var (_, afterAnswer) = await PageAsync(operatorClient, page + "?lang=en");
        Assert.Contains("data-status=\"answered\"", afterAnswer, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"value\" id=\"answer\">{answer}</p>", afterAnswer, StringComparison.Ordinal);
        Assert.False(await host.RawDatabaseContainsAsync(answer));

        var closed = await Forms.PostAsync(operatorClient, page, [], page + "?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, afterClose) = await PageAsync(operatorClient, page + "?lang=en");
        Assert.Contains("data-status=\"closed\"", afterClose, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"assign-form\"", afterClose, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"close-form\"", afterClose, StringComparison.Ordinal);

        var trail = (await host.AuditEntriesAsync()).Where(e => e.Target == InquiryRegister.Target(id)).ToList();
        var actor = AuditActors.Staff(operatorId);
        Assert.Equal([AuditActions.InquiryReceived, AuditActions.InquiryAssigned, AuditActions.InquiryAnswered, AuditActions.InquiryClosed],
            trail.Where(e => e.Action != AuditActions.InquiryRead).Select(e => e.Action));
        Assert.All(trail.Where(e => e.Action is AuditActions.InquiryAssigned or AuditActions.InquiryAnswered or AuditActions.InquiryClosed), e => Assert.Equal(actor, e.Actor));
        Assert.Contains("assignee:" + actor, trail.Single(e => e.Action == AuditActions.InquiryAssigned).Reasons, StringComparison.Ordinal);
        Assert.Equal("from:answered", trail.Single(e => e.Action == AuditActions.InquiryClosed).Reasons);
        Assert.True((await host.VerifyAuditAsync()).Intact);

        // A closed inquiry takes no more steps.
        var reopened = await Forms.PostAsync(operatorClient, page, new() { ["AssignTo"] = operatorId.ToString() }, page + "?handler=Assign");
        Assert.Equal(HttpStatusCode.Conflict, reopened.StatusCode);
        Assert.Equal("inquiry.transition_invalid", InquiryTestKit.ErrorCode(await reopened.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task An_inquiry_is_assigned_only_to_staff_who_may_handle_inquiries()
    {
        var (reference, id) = await SubmitAsync("質問です");
        var (officer, _) = await SignedInAsync(Roles.PrivacyOfficer);
        var (_, auditorId) = await SignedInAsync(Roles.Auditor);
        var page = $"/console/inquiries/{id}";
        var refused = await Forms.PostAsync(officer, page, new() { ["AssignTo"] = auditorId.ToString() }, page + "?handler=Assign");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("inquiry.assignee_invalid", InquiryTestKit.ErrorCode(await refused.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(InquiryStatuses.Received, (await InquiryTestKit.FindAsync(host, reference)).Status);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_opens_nothing()
    {
        var before = await InquiryTestKit.CountAsync(host);
        var client = host.CreateClient();
        var html = await client.GetStringAsync(InquiryTestKit.Page, Ct);
        var stamp = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"FormStamp\" value=\"([^\"]+)\"").Groups[1].Value);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var fields = InquiryTestKit.Fields("偽造された送信");
        fields["FormStamp"] = stamp;
        var response = await client.PostAsync(InquiryTestKit.Page, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await InquiryTestKit.CountAsync(host));
    }

    [Fact]
    public async Task Robots_are_turned_away_by_the_hidden_field_the_fill_time_and_a_forged_stamp()
    {
        var before = await InquiryTestKit.CountAsync(host);

        var honeypot = InquiryTestKit.Fields("スパム");
        honeypot["Website"] = "http://spam.example";
        var filled = await InquiryTestKit.SendAsync(host, host.CreateClient(), honeypot);
        Assert.Equal(HttpStatusCode.BadRequest, filled.StatusCode);
        Assert.Equal("inquiry.rejected", InquiryTestKit.ErrorCode(await filled.Content.ReadAsStringAsync(Ct)));

        var fast = await InquiryTestKit.SendAsync(host, host.CreateClient(), InquiryTestKit.Fields("速すぎる送信"), wait: TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
        var fastHtml = WebUtility.HtmlDecode(await fast.Content.ReadAsStringAsync(Ct));
        Assert.Equal("inquiry.too_fast", InquiryTestKit.ErrorCode(fastHtml));
        Assert.Contains("送信が早すぎます", fastHtml, StringComparison.Ordinal);

        var forged = InquiryTestKit.Fields("偽の時刻");
        forged["FormStamp"] = "CfDJ8-not-a-stamp";
        var forgedResponse = await InquiryTestKit.SendAsync(host, host.CreateClient(), forged);
        Assert.Equal("inquiry.form_expired", InquiryTestKit.ErrorCode(await forgedResponse.Content.ReadAsStringAsync(Ct)));

        var stale = await InquiryTestKit.SendAsync(host, host.CreateClient(), InquiryTestKit.Fields("古いフォーム"), wait: TimeSpan.FromHours(7));
        Assert.Equal("inquiry.form_expired", InquiryTestKit.ErrorCode(await stale.Content.ReadAsStringAsync(Ct)));

        Assert.Equal(before, await InquiryTestKit.CountAsync(host));
    }

    [Fact]
    public async Task Missing_fields_and_unknown_kinds_are_refused_in_the_senders_language()
    {
        var before = await InquiryTestKit.CountAsync(host);
        var empty = InquiryTestKit.Fields("");
        var response = await InquiryTestKit.SendAsync(host, host.CreateClient(), empty, query: "?lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("inquiry.field_missing", InquiryTestKit.ErrorCode(html));
        Assert.Contains("Please fill in your name", html, StringComparison.Ordinal);

        var unknown = InquiryTestKit.Fields("種類が不正", kind: "lottery");
        var unknownResponse = await InquiryTestKit.SendAsync(host, host.CreateClient(), unknown);
        Assert.Equal("inquiry.kind_unknown", InquiryTestKit.ErrorCode(await unknownResponse.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(before, await InquiryTestKit.CountAsync(host));
    }

    [Fact]
    public async Task The_form_is_complete_in_japanese_and_english()
    {
        var (_, ja) = await PageAsync(host.CreateClient(), InquiryTestKit.Page);
        Assert.Contains("個人情報に関する苦情及び問い合わせ", ja, StringComparison.Ordinal);
        Assert.Contains("直接ご来社いただいてのお申し出はお受けいたしかねます", ja, StringComparison.Ordinal);
        Assert.Contains("コーポレート本部 情報セキュリティ室長", ja, StringComparison.Ordinal);
        foreach (var label in new[] { "苦情", "ご質問", "利用停止（配信停止等）のご希望", "その他" })
            Assert.Contains(label, ja, StringComparison.Ordinal);
        Assert.Contains("class=\"hp\" aria-hidden=\"true\"", ja, StringComparison.Ordinal);

        var (_, en) = await PageAsync(host.CreateClient(), InquiryTestKit.Page + "?lang=en");
        Assert.Contains("Complaints and questions about personal information", en, StringComparison.Ordinal);
        Assert.Contains("We cannot accept requests made in person", en, StringComparison.Ordinal);
        foreach (var label in new[] { "Complaint", "Question", "Stop using my data (e.g. unsubscribe)", "Other" })
            Assert.Contains(label, en, StringComparison.Ordinal);
        Assert.DoesNotContain("お問い合わせ内容", en, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool> ConsoleRoles => new()
    {
        { Roles.PrivacyOfficer, true },
        { Roles.Operator, true },
        { Roles.Auditor, false },
        { Roles.Marketing, false },
    };

    [Theory]
    [MemberData(nameof(ConsoleRoles))]
    public async Task Only_roles_that_manage_inquiries_see_the_desk(string role, bool allowed)
    {
        var (_, id) = await SubmitAsync("権限の確認");
        var (client, _) = await SignedInAsync(role);
        foreach (var page in new[] { "/console/inquiries", $"/console/inquiries/{id}" })
        {
            var response = await client.GetAsync(page, Ct);
            if (allowed)
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
        }
        var (_, home) = await PageAsync(client, "/console");
        Assert.Equal(allowed, home.Contains("id=\"nav-inquiries\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_records_lists_opens_and_walks_an_inquiry_through_its_states()
    {
        var api = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.Operator));
        var created = await api.PostAsJsonAsync("/api/v1/inquiries",
            new { kind = "question", name = "鈴木 一郎", contact = "03-0000-0000", message = "電話での問い合わせ", lang = "ja" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = receipt.GetProperty("id").GetGuid();
        Assert.StartsWith("Q-", receipt.GetProperty("reference").GetString(), StringComparison.Ordinal);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/inquiries", Ct);
        var listed = list.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal("api", listed.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("message").ValueKind);

        var opened = await api.GetFromJsonAsync<JsonElement>($"/api/v1/inquiries/{id}", Ct);
        Assert.Equal("電話での問い合わせ", opened.GetProperty("message").GetString());

        var (_, staffId) = await SignedInAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/inquiries/{id}/assign", new { staffId }, Ct)).StatusCode);
        var answered = await api.PostAsJsonAsync($"/api/v1/inquiries/{id}/answer", new { answer = "お電話で回答しました" }, Ct);
        Assert.Equal("answered", (await answered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var closed = await api.PostAsJsonAsync($"/api/v1/inquiries/{id}/close", new { }, Ct);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        var again = await api.PostAsJsonAsync($"/api/v1/inquiries/{id}/close", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("inquiry.transition_invalid", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());

        var bad = await api.PostAsJsonAsync("/api/v1/inquiries", new { kind = "lottery", name = "x", contact = "y", message = "z" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("inquiry.kind_unknown", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());

        var missing = await api.GetAsync($"/api/v1/inquiries/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("inquiry.not_found", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(Roles.System)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Marketing)]
    [InlineData(Roles.Site)]
    public async Task The_api_is_closed_to_roles_that_do_not_manage_inquiries(string role)
    {
        var api = host.CreateApiClient(await host.CreateApiKeyAsync(role));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/inquiries", Ct)).StatusCode);
        var post = await api.PostAsJsonAsync("/api/v1/inquiries", new { kind = "question", name = "x", contact = "y", message = "z" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/v1/inquiries", Ct)).StatusCode);
    }
}

public sealed class InquiryDeskOnSqlite(SqliteHost host) : InquiryDeskTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class InquiryDeskOnPostgres(PostgresHost host) : InquiryDeskTests<PostgresHost>(host), IClassFixture<PostgresHost>;

/// <summary>The form's per-address limit (three an hour on this host): the fourth sending is refused with 429, showing the form is not.</summary>
public abstract class InquiryRateLimitTests<THost>(THost host) where THost : RateLimitedHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fourth_sending_within_the_hour_is_refused()
    {
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await InquiryTestKit.SendAsync(host, client, InquiryTestKit.Fields("制限の確認 " + i))).StatusCode);
        var fourth = await InquiryTestKit.SendAsync(host, client, InquiryTestKit.Fields("四通目"));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(InquiryTestKit.Page, Ct)).StatusCode);
        Assert.Equal(3, await InquiryTestKit.CountAsync(host));
    }
}

public sealed class InquiryRateLimitOnSqlite(RateLimitedSqliteHost host) : InquiryRateLimitTests<RateLimitedSqliteHost>(host), IClassFixture<RateLimitedSqliteHost>;

public sealed class InquiryRateLimitOnPostgres(RateLimitedPostgresHost host) : InquiryRateLimitTests<RateLimitedPostgresHost>(host), IClassFixture<RateLimitedPostgresHost>;
