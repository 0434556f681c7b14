using System.Net;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Infrastructure;
using CommissioningPortal.Web.Features.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Verification;

/// <summary>
/// The verification queue: commissioners of any authority (and administrators) check passport
/// items; verifying both of a Personal Assistant's items makes them verified in the directory;
/// a rejection needs a reason; a second decision on the same item is refused with 409.
/// Its own portal: the providers it verifies would otherwise join the shared feed's organisations.
/// </summary>
public abstract class VerificationQueueTests(PortalFactory portal) : PortalTestBase(portal)
{
    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = NewClient();
        await client.SignInAsync(email);
        return client;
    }

    private Task<PassportItem> ItemAsync(Guid id) => Portal.WithDbAsync(db => db.PassportItems.AsNoTracking().SingleAsync(i => i.Id == id, Ct));

    private Task<List<(string Subject, string Body)>> MailAsync(string to, string kind) => Portal.WithDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == to && m.Kind == kind).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Subject, m.TextBody }).ToListAsync(Ct)).Select(m => (m.Subject, m.TextBody)).ToList());

    private static Task<HttpResponseMessage> VerifyAsync(PortalClient client, PortalClient.Page page, bool confirm = true) =>
        client.SubmitAsync(page, confirm ? new Dictionary<string, string> { ["Confirm"] = "true" } : new Dictionary<string, string>(), "form[action$='/verify']");

    private static Task<HttpResponseMessage> RejectAsync(PortalClient client, PortalClient.Page page, string reason) =>
        client.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = reason }, "form[action$='/reject']");

    private async Task<bool> VerifiedBadgeAsync(Guid providerId)
    {
        using var client = NewClient();
        var profile = await client.GetPageAsync($"/directory/{providerId}");
        return profile.Document.QuerySelectorAll("main .ds_tag").Any(t => t.TextContent.Trim() == "Verified");
    }

    [Fact]
    public async Task Commissioners_of_any_authority_verify_both_items_and_the_personal_assistant_shows_as_verified()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        Assert.False(await VerifiedBadgeAsync(pa.ProviderId));

        using var glenmore = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var page = await glenmore.GetPageAsync($"/verification/{pa.Pvg}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(pa.Name, page.Text);
        Assert.Contains("1111 2222 3333 4444", page.Text);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/evidence/{pa.Pvg}']"));
        Assert.Contains("Public liability insurance", page.Document.QuerySelector("#other-items")!.TextContent);
        var done = await VerifyAsync(glenmore, page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/verification", done.Headers.Location!.OriginalString);
        Assert.False(await VerifiedBadgeAsync(pa.ProviderId)); // one of two

        // The passport is national: a commissioner of another authority verifies the other item.
        using var ardbrae = await SignedInAsync(DemoUsers.ArdbraeCommissioner);
        var second = await ardbrae.GetPageAsync($"/verification/{pa.Insurance}");
        Assert.Contains("Verified by Fiona MacLeod", second.Document.QuerySelector("#other-items")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await VerifyAsync(ardbrae, second)).StatusCode);
        var queue = await ardbrae.GetPageAsync("/verification");
        Assert.Contains("Verified: Public liability insurance for " + pa.Name, queue.Text);
        Assert.DoesNotContain(pa.Name, queue.Document.QuerySelector("main table")?.TextContent ?? "");

        Assert.True(await VerifiedBadgeAsync(pa.ProviderId));
        var (pvg, insurance) = (await ItemAsync(pa.Pvg), await ItemAsync(pa.Insurance));
        Assert.Equal((PassportItemStatus.Verified, PassportItemStatus.Verified), (pvg.Status, insurance.Status));
        Assert.StartsWith("Fiona MacLeod", pvg.VerifiedBy);
        Assert.EndsWith("Glenmore Health and Social Care Partnership", pvg.VerifiedBy);
        Assert.StartsWith("Kirsty Boyd", insurance.VerifiedBy);
        Assert.EndsWith("Ardbrae Council", insurance.VerifiedBy);
        var mail = await MailAsync(pa.Email, "passport-verified");
        // Both mails carry the same (fake) clock time, so find each by its subject, not by order.
        Assert.Equal(2, mail.Count);
        var pvgMail = Assert.Single(mail, m => m.Subject == "Your PVG scheme membership has been verified");
        var insuranceMail = Assert.Single(mail, m => m.Subject == "Your Public liability insurance has been verified");
        Assert.DoesNotContain("Every check your kind of provider needs is now in place", pvgMail.Body);
        Assert.Contains("Every check your kind of provider needs is now in place", insuranceMail.Body);
    }

    [Fact]
    public async Task Verifying_without_ticking_the_box_is_refused_naming_it_and_changes_nothing()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var refused = await PortalClient.Page.ReadAsync(await VerifyAsync(client, await client.GetPageAsync($"/verification/{pa.Pvg}"), confirm: false));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Tick the box to confirm you have checked the evidence", refused.Document.QuerySelector(".ds_error-summary a[href='#Confirm']")!.TextContent);
        Assert.Equal(PassportItemStatus.Unverified, (await ItemAsync(pa.Pvg)).Status);
        Assert.Empty(await MailAsync(pa.Email, "passport-verified"));
    }

    [Fact]
    public async Task An_item_past_its_expiry_date_cannot_be_verified()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false,
            insuranceExpiresOn: DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime));
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var refused = await PortalClient.Page.ReadAsync(await VerifyAsync(client, await client.GetPageAsync($"/verification/{pa.Insurance}")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("so it cannot be verified", refused.Document.QuerySelector(".ds_error-summary a[href='#Confirm']")!.TextContent);
        Assert.Equal(PassportItemStatus.Unverified, (await ItemAsync(pa.Insurance)).Status);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_keeps_what_was_typed_and_tells_the_provider_why()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var page = await client.GetPageAsync($"/verification/{pa.Insurance}");

        var empty = await PortalClient.Page.ReadAsync(await RejectAsync(client, page, "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Give the reason", empty.Document.QuerySelector(".ds_error-summary a[href='#Reason']")!.TextContent);

        var tooLong = "The certificate is for a different person. " + new string('x', 1000);
        var refused = await PortalClient.Page.ReadAsync(await RejectAsync(client, page, tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("1,000 characters or fewer", refused.Document.QuerySelector(".ds_error-summary a[href='#Reason']")!.TextContent);
        Assert.Equal(tooLong, refused.Document.QuerySelector("textarea#Reason")!.TextContent);
        Assert.Equal(PassportItemStatus.Unverified, (await ItemAsync(pa.Insurance)).Status);
        Assert.Empty(await MailAsync(pa.Email, "passport-rejected"));

        var rejected = await RejectAsync(client, page, "The certificate names a different person.");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var item = await ItemAsync(pa.Insurance);
        Assert.Equal(PassportItemStatus.Rejected, item.Status);
        Assert.Equal("The certificate names a different person.", item.RejectionReason);
        var mail = Assert.Single(await MailAsync(pa.Email, "passport-rejected"));
        Assert.Contains("The certificate names a different person.", mail.Body);
        using var anonymous = NewClient();
        Assert.Contains("Not accepted", (await anonymous.GetPageAsync($"/directory/{pa.ProviderId}")).Text);
    }

    [Fact]
    public async Task Only_commissioners_and_administrators_may_check_passports()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        using (var admin = await SignedInAsync(DemoUsers.Administrator))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/verification")).Status);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync($"/verification/{pa.Pvg}")).Status);
        }
        foreach (var email in new[] { DemoUsers.GlenmorePractitioner, DemoUsers.Provider, DemoUsers.Person })
        {
            using var client = await SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync("/verification")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetPageAsync($"/verification/{pa.Pvg}")).Status);
            var post = await client.Http.PostAsync($"/verification/{pa.Pvg}/verify",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Confirm"] = "true", ["SeenVersion"] = "0" }), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(post)).StatusCode);
            Assert.DoesNotContain("/verification", (await client.GetPageAsync("/")).Document.QuerySelector("nav")?.InnerHtml ?? "");
        }
        using var anonymous = NewClient();
        var signIn = await anonymous.GetAsync("/verification");
        Assert.Contains("/account/login", signIn.Headers.Location!.OriginalString);
        Assert.Equal(PassportItemStatus.Unverified, (await ItemAsync(pa.Pvg)).Status);
    }

    [Fact]
    public async Task The_second_decision_on_an_item_gets_409_saying_who_decided_first()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        using var fiona = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        using var kirsty = await SignedInAsync(DemoUsers.ArdbraeCommissioner);
        var fionaPage = await fiona.GetPageAsync($"/verification/{pa.Pvg}");
        var kirstyPage = await kirsty.GetPageAsync($"/verification/{pa.Pvg}");

        Assert.Equal(HttpStatusCode.Redirect, (await VerifyAsync(fiona, fionaPage)).StatusCode);
        var late = await PortalClient.Page.ReadAsync(await RejectAsync(kirsty, kirstyPage, "Looks out of date"));
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("Fiona MacLeod", late.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Contains("already verified this item", late.Text);
        Assert.Null(late.Document.QuerySelector("form[action$='/reject']")); // nothing left to decide
        var lateVerify = await PortalClient.Page.ReadAsync(await VerifyAsync(kirsty, kirstyPage));
        Assert.Equal(HttpStatusCode.Conflict, lateVerify.Status);

        var item = await ItemAsync(pa.Pvg);
        Assert.Equal(PassportItemStatus.Verified, item.Status);
        Assert.StartsWith("Fiona MacLeod", item.VerifiedBy);
        Assert.Single(await MailAsync(pa.Email, "passport-verified"));
        Assert.Empty(await MailAsync(pa.Email, "passport-rejected"));
    }

    [Fact]
    public async Task Two_decisions_at_the_same_moment_save_exactly_one()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        var seen = (await ItemAsync(pa.Pvg)).Version;
        async Task<UseCaseResult<string>> DecideAsync(string by, string? reason)
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var decision = reason is null ? DecidePassportItem.Decision.Verify : DecidePassportItem.Decision.Reject;
            return await scope.ServiceProvider.GetRequiredService<DecidePassportItem>().HandleAsync(
                new DecidePassportItem.Input(pa.Pvg, seen, decision, Confirm: true, reason), new Actor(null, by, null, null, false), Ct);
        }
        var results = await Task.WhenAll(DecideAsync("Fiona MacLeod", null), DecideAsync("Kirsty Boyd", "Not readable"));
        Assert.Single(results, r => r.Outcome == UseCaseOutcome.Done);
        var conflict = Assert.Single(results, r => r.Outcome == UseCaseOutcome.Conflict);
        Assert.Contains("already", conflict.Errors.Single().Message);
        var mails = (await MailAsync(pa.Email, "passport-verified")).Count + (await MailAsync(pa.Email, "passport-rejected")).Count;
        Assert.Equal(1, mails);
    }

    [Fact]
    public async Task The_queue_lists_waiting_items_oldest_first_filters_them_exports_csv_and_counts_them_in_the_menu()
    {
        var pa = await PassportTestData.NewPersonalAssistantAsync(Portal, verified: false);
        using var client = await SignedInAsync(DemoUsers.GlenmoreCommissioner);
        var all = await client.GetPageAsync("/verification");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var rows = all.Document.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        var climbing = rows.FindIndex(r => r.Contains("Ardbrae Climbing Wall")); // demo data, waiting since the portal started
        var mine = rows.FindIndex(r => r.Contains(pa.Name));
        Assert.True(climbing >= 0 && mine > climbing, string.Join("\n", rows));
        Assert.DoesNotContain(rows, r => r.Contains("Bright Steps Care")); // all verified
        var total = int.Parse(all.Document.QuerySelector("#queue-total")!.TextContent);
        Assert.Equal($"{total} waiting", all.Document.QuerySelector("[data-testid=verification-count]")!.TextContent.Trim());

        var filtered = await client.GetPageAsync("/verification?kind=Pvg&providerKind=PersonalAssistant");
        var filteredRows = filtered.Document.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(filteredRows, r => r.Contains(pa.Name) && r.Contains("PVG scheme membership"));
        Assert.Contains(filteredRows, r => r.Contains("Duncan Stewart"));
        Assert.DoesNotContain(filteredRows, r => r.Contains("Public liability") || r.Contains("Ardbrae Climbing Wall"));
        Assert.NotNull(filtered.Document.QuerySelector("#Kind option[value=Pvg][selected]"));

        var csv = await client.GetAsync("/verification?handler=export&providerKind=PersonalAssistant");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("Provider,Kind of provider,Item,Number", text.TrimStart('\uFEFF'));
        Assert.Contains(pa.Name, text);
        Assert.DoesNotContain("Ardbrae Climbing Wall", text);

        var bad = await client.GetPageAsync("/verification?kind=Passport&providerKind=Gym");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Choose a kind of check from the list", bad.Document.QuerySelector(".ds_error-summary a[href='#Kind']")!.TextContent);
        Assert.Contains("Choose a kind of provider from the list", bad.Document.QuerySelector(".ds_error-summary a[href='#ProviderKind']")!.TextContent);
    }
}

public sealed class VerificationSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class VerificationPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class VerificationQueueOnSqlite(VerificationSqlitePortal p) : VerificationQueueTests(p), IClassFixture<VerificationSqlitePortal>;

public sealed class VerificationQueueOnPostgres : VerificationQueueTests, IClassFixture<VerificationPostgresPortal>
{
    public VerificationQueueOnPostgres(VerificationPostgresPortal p) : base(p)
    {
        if (!PortalFactory.PostgresAvailable) Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
    }
}
