using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Tendering;

/// <summary>
/// Issue 15 parts 4 and 5: providers draft, save, attach, submit (a receipt with the SHA-256), withdraw and resubmit
/// until the deadline; one second late is refused and the draft kept; and nobody reads a response before two users
/// of the authority have opened them after the deadline — checked at the data layer and through every route.
/// </summary>
public abstract class SealedResponseTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n% method statement\n%%EOF\n"u8.ToArray();

    private async Task<HttpResponseMessage> PostResponseAsync(PortalClient client, TenderingTestData.TestTender tender, string? handler,
        IEnumerable<(string, string)> fields, byte[]? file = null, string fileName = "method.pdf")
    {
        var page = await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var token = page.Document.QuerySelector("main form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(part, $"Document-{tender.Document}", fileName);
        }
        return await client.Http.PostAsync($"/tenders/{tender.OpportunityId}/respond{(handler is null ? "" : "?handler=" + handler)}", content);
    }

    private static (string, string)[] FullAnswers(TenderingTestData.TestTender t, string written = "We plan with each person and their family.") =>
    [
        ($"Answers[{t.Written}]", written),
        ($"Answers[{t.PassFail}]", "yes"),
        ($"Answers[{t.Insurance}]", "yes"),
        ($"Prices[{t.Price}]", "24.50"),
    ];

    private async Task<(string Email, Guid ProviderId, TenderResponse Response)> SubmittedResponseAsync(TenderingTestData.TestTender tender, string name, string written)
    {
        var (email, providerId) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, name);
        using var client = await Portal.SignedInProviderAsync(email);
        var submitted = await PostResponseAsync(client, tender, "submit", FullAnswers(tender, written), Pdf);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var response = await Portal.WithDbAsync(db => db.TenderResponses.SingleAsync(r => r.OpportunityId == tender.OpportunityId && r.ProviderId == providerId));
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        return (email, providerId, response);
    }

    private static async Task<(int Answers, int Prices, int Documents)> VisibleContentAsync(PortalDbContext db, Guid opportunityId) =>
        (await db.TenderAnswers.CountAsync(a => a.OpportunityId == opportunityId), await db.TenderPrices.CountAsync(a => a.OpportunityId == opportunityId),
            await db.TenderDocuments.CountAsync(a => a.OpportunityId == opportunityId));

    [Fact]
    public async Task Content_is_sealed_in_the_data_layer_until_two_different_users_open_it_after_the_deadline()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        await SubmittedResponseAsync(tender, $"Sealed one {word}", $"Secret plan {word}");
        var (draftEmail, draftProvider) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Drafting {word}");
        using (var drafting = await Portal.SignedInProviderAsync(draftEmail))
            Assert.Equal(HttpStatusCode.Redirect, (await PostResponseAsync(drafting, tender, null, [($"Answers[{tender.Written}]", $"Unsent draft {word}")])).StatusCode);

        // Any query through the context, with no page in between: nothing, before the deadline.
        Assert.Equal((0, 0, 0), await Portal.WithDbAsync(db => VisibleContentAsync(db, tender.OpportunityId)));
        Assert.False(await Portal.WithDbAsync(db => db.TenderAnswers.AnyAsync(a => a.Text!.Contains(word))));

        // Opening before the deadline is refused by the domain.
        await Portal.SetDeadlineAsync(tender.OpportunityId, Portal.Clock.GetUtcNow().AddSeconds(-1));
        Assert.Throws<TenderingRuleException>(() => ResponseOpening.For(tender.OpportunityId, tender.Authority.Id)
            .Open("user-a", "User A", Portal.Clock.GetUtcNow(), Portal.Clock.GetUtcNow().AddSeconds(5)));

        await Portal.WithDbAsync(async db =>
        {
            var opening = ResponseOpening.For(tender.OpportunityId, tender.Authority.Id);
            opening.Open("user-a", "User A", Portal.Clock.GetUtcNow(), Portal.Clock.GetUtcNow().AddSeconds(-1));
            Assert.Throws<TenderingRuleException>(() => opening.Open("user-a", "User A", Portal.Clock.GetUtcNow(), Portal.Clock.GetUtcNow().AddSeconds(-1)));
            db.ResponseOpenings.Add(opening);
            await db.SaveChangesAsync();
        });
        Assert.Equal((0, 0, 0), await Portal.WithDbAsync(db => VisibleContentAsync(db, tender.OpportunityId)));

        await Portal.WithDbAsync(async db =>
        {
            var opening = await db.ResponseOpenings.SingleAsync(o => o.OpportunityId == tender.OpportunityId);
            opening.Open("user-b", "User B", Portal.Clock.GetUtcNow(), Portal.Clock.GetUtcNow().AddSeconds(-1));
            await db.SaveChangesAsync();
        });
        // Open: the submitted response's three answers, its price and its document; never the unsent draft.
        Assert.Equal((3, 1, 1), await Portal.WithDbAsync(db => VisibleContentAsync(db, tender.OpportunityId)));
        Assert.True(await Portal.WithDbAsync(db => db.TenderAnswers.AnyAsync(a => a.Text == $"Secret plan {word}")));
        Assert.False(await Portal.WithDbAsync(db => db.TenderAnswers.AnyAsync(a => a.Text == $"Unsent draft {word}")));
        Assert.NotEqual(Guid.Empty, draftProvider);
    }

    [Fact]
    public async Task Before_both_openings_no_page_csv_or_api_shows_a_response_to_a_commissioner_or_an_administrator()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (_, _, response) = await SubmittedResponseAsync(tender, $"Bidder {word}", $"Secret plan {word}");
        using var commissioner = NewClient();
        await commissioner.SignInAsync(tender.Authority.CommissionerEmail);
        using var second = NewClient();
        await second.SignInAsync(tender.SecondCommissionerEmail);
        using var admin = NewClient();
        await admin.SignInAsync(DemoUsers.Administrator);

        async Task AssertSealedAsync(PortalClient client, bool ownAuthority)
        {
            var list = await client.Http.GetAsync($"/tendering/{tender.OpportunityId}/responses");
            var csv = await client.Http.GetAsync($"/tendering/{tender.OpportunityId}/responses?handler=csv");
            var api = await client.Http.GetAsync($"/api/tendering/{tender.OpportunityId}/responses");
            var one = await client.Http.GetAsync($"/tendering/{tender.OpportunityId}/responses/{response.Id}");
            foreach (var r in new[] { list, csv, api, one })
            {
                var body = await r.Content.ReadAsStringAsync(Ct);
                Assert.DoesNotContain($"Secret plan {word}", body);
                Assert.DoesNotContain($"Bidder {word}", body);
            }
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode == HttpStatusCode.Redirect ? HttpStatusCode.NotFound : one.StatusCode);
            if (ownAuthority)
            {
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
                Assert.Contains("sealed", await list.Content.ReadAsStringAsync(Ct));
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
                Assert.Contains("\"sealed\":true", await api.Content.ReadAsStringAsync(Ct));
            }
        }

        await AssertSealedAsync(commissioner, ownAuthority: true);
        await AssertSealedAsync(admin, ownAuthority: false);

        // Opening before the deadline: refused, with the reason.
        var page = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/responses");
        Assert.DoesNotContain("Open the responses", page.Text);
        // No button before the deadline; a forged post (its token from the workspace's forms) is refused too.
        var early = await commissioner.PostFormAsync(await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}"), [], $"/tendering/{tender.OpportunityId}/responses?handler=open");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("stay sealed until the deadline", await early.Content.ReadAsStringAsync(Ct));

        // After the deadline: one opening is not enough, the same user twice is refused, a second user opens.
        await Portal.SetDeadlineAsync(tender.OpportunityId, Portal.Clock.GetUtcNow().AddSeconds(-1));
        page = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/responses");
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.SubmitAsync(page, new Dictionary<string, string>())).StatusCode);
        await AssertSealedAsync(commissioner, ownAuthority: true);
        await AssertSealedAsync(second, ownAuthority: true);
        page = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/responses");
        var twice = await commissioner.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("A second colleague must open them", await twice.Content.ReadAsStringAsync(Ct));

        page = await second.GetPageAsync($"/tendering/{tender.OpportunityId}/responses");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(page, new Dictionary<string, string>())).StatusCode);
        var opened = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/responses");
        Assert.Contains($"Bidder {word}", opened.Text);
        Assert.Contains("Second Commissioner", opened.Text);
        Assert.Contains($"Secret plan {word}", await commissioner.Http.GetStringAsync($"/tendering/{tender.OpportunityId}/responses?handler=csv", Ct));
        Assert.Contains($"Secret plan {word}", await commissioner.Http.GetStringAsync($"/api/tendering/{tender.OpportunityId}/responses", Ct));
        Assert.Contains($"Secret plan {word}", (await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/responses/{response.Id}")).Text);
        // The administrator still reads nothing: opening is the authority's.
        await AssertSealedAsync(admin, ownAuthority: false);
    }

    [Fact]
    public async Task A_provider_drafts_comes_back_attaches_submits_with_a_receipt_withdraws_and_resubmits()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (email, providerId) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Drafter {word}");
        using var client = await Portal.SignedInProviderAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, (await PostResponseAsync(client, tender, null, [($"Answers[{tender.Written}]", "First thoughts")])).StatusCode);
        var back = await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond");
        Assert.Equal("First thoughts", back.ValueOf($"Answers_{tender.Written}_"));
        Assert.Contains("Draft", back.Text);

        // Submitting without the document is refused, naming it; nothing changes.
        var missing = await PostResponseAsync(client, tender, "submit", FullAnswers(tender));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Attach the method statement before you submit", await missing.Content.ReadAsStringAsync(Ct));

        // A file of the wrong type: a clear message.
        var wrong = await PostResponseAsync(client, tender, null, FullAnswers(tender), "not a pdf"u8.ToArray(), "plan.docx");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("must be a PDF, JPG or PNG", await wrong.Content.ReadAsStringAsync(Ct));

        // A 20 MB file: a clear message naming the document, what was typed kept, nothing attached.
        var big = new byte[20 * 1024 * 1024];
        "GIF89a"u8.CopyTo(big);
        var tooBig = await PostResponseAsync(client, tender, null, FullAnswers(tender, "Kept after a refused file"), big, "scan.gif");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        var tooBigHtml = await tooBig.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The file for the method statement is 20 MB: it must be smaller than 10 MB.", tooBigHtml);
        Assert.Contains("Kept after a refused file", tooBigHtml);
        Assert.DoesNotContain("Attached:", tooBigHtml);

        var submitted = await PostResponseAsync(client, tender, "submit", FullAnswers(tender), Pdf);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var response = await Portal.WithDbAsync(db => db.TenderResponses.SingleAsync(r => r.OpportunityId == tender.OpportunityId && r.ProviderId == providerId));
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        Assert.Matches("^[0-9a-f]{64}$", response.ReceiptSha256!);
        var receipt = Assert.Single(await Portal.MailAsync(email, "tender-receipt"));
        Assert.Contains(response.ReceiptSha256!, receipt.Body);
        Assert.Contains("Received:", receipt.Body);
        var after = await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond");
        Assert.Contains(response.ReceiptSha256!, after.Text);

        // Changing a submitted response needs a withdrawal first.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostResponseAsync(client, tender, null, FullAnswers(tender, "Changed"))).StatusCode);
        var withdraw = await client.SubmitAsync(after, new Dictionary<string, string>(), $"form[action$='handler=withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(ResponseStatus.Withdrawn, (await Portal.WithDbAsync(db => db.TenderResponses.SingleAsync(r => r.Id == response.Id))).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await PostResponseAsync(client, tender, "submit", FullAnswers(tender, "A better plan"))).StatusCode);
        var again = await Portal.WithDbAsync(db => db.TenderResponses.SingleAsync(r => r.Id == response.Id));
        Assert.Equal(ResponseStatus.Submitted, again.Status);
        Assert.NotEqual(response.ReceiptSha256, again.ReceiptSha256);
        Assert.Equal(2, (await Portal.MailAsync(email, "tender-receipt")).Count);
    }

    [Fact]
    public async Task A_submission_one_second_after_the_deadline_is_refused_with_a_clear_message_and_the_draft_kept()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (email, providerId) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Late {word}");
        using var client = await Portal.SignedInProviderAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await PostResponseAsync(client, tender, null, FullAnswers(tender, "My saved draft"), Pdf)).StatusCode);

        var page = await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond");
        var token = page.Document.QuerySelector("main form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await Portal.SetDeadlineAsync(tender.OpportunityId, Portal.Clock.GetUtcNow().AddSeconds(-1));
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in FullAnswers(tender, "Typed at the last second")) content.Add(new StringContent(value), name);
        var late = await client.Http.PostAsync($"/tenders/{tender.OpportunityId}/respond?handler=submit", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync(Ct);
        Assert.Contains("has passed, so the portal cannot accept a submission now. Your draft has been kept.", html);
        Assert.Contains("Typed at the last second", html); // what was typed stays on the page
        var stored = await Portal.WithDbAsync(db => db.TenderResponses.SingleAsync(r => r.OpportunityId == tender.OpportunityId && r.ProviderId == providerId));
        Assert.Equal(ResponseStatus.Draft, stored.Status);
        Assert.Null(stored.ReceiptSha256);
        var answer = await Portal.WithDbAsync(db => db.OwnContent<TenderAnswer>(providerId, stored.Id).SingleAsync(a => a.QuestionId == tender.Written));
        Assert.Equal("My saved draft", answer.Text);
        Assert.Empty(await Portal.MailAsync(email, "tender-receipt"));
    }

    [Fact]
    public async Task A_word_limit_lets_a_draft_be_saved_but_refuses_the_submission_with_the_count()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (email, _) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Wordy {word}");
        using var client = await Portal.SignedInProviderAsync(email);
        var twelve = "one two three four five six seven eight nine ten eleven twelve";
        Assert.Equal(HttpStatusCode.Redirect, (await PostResponseAsync(client, tender, null, FullAnswers(tender, twelve), Pdf)).StatusCode);
        Assert.Contains("This answer has 12 words; the limit is 10.", (await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond")).Text);
        var refused = await PostResponseAsync(client, tender, "submit", FullAnswers(tender, twelve));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Question 1: your answer has 12 words; the limit is 10. Shorten it by 2 words.", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_micro_provider_gets_the_short_form_and_is_never_asked_what_its_passport_proves()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (email, providerId) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Micro {word}");
        await Portal.AddVerifiedInsuranceAsync(providerId);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond");
        Assert.Contains("You have the short form", form.Text);
        Assert.Contains("Answered from your verified passport: Public liability insurance (PL-TEST-1)", form.Text);
        Assert.Null(form.Document.GetElementById($"Answers_{tender.Insurance}_")); // not asked
        Assert.Null(form.Document.GetElementById($"Answers_{tender.PassFail}_")); // not on the short form
        Assert.Null(form.Document.GetElementById($"Document-{tender.Document}")); // not on the short form
        Assert.NotNull(form.Document.GetElementById($"Answers_{tender.Written}_"));

        var submitted = await PostResponseAsync(client, tender, "submit", [($"Answers[{tender.Written}]", "We know everyone locally."), ($"Prices[{tender.Price}]", "21")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var response = await Portal.WithDbAsync(db => db.TenderResponses.SingleAsync(r => r.OpportunityId == tender.OpportunityId && r.ProviderId == providerId));
        Assert.True(response.ShortForm);
        var fromPassport = await Portal.WithDbAsync(db => db.OwnContent<TenderAnswer>(providerId, response.Id).SingleAsync(a => a.QuestionId == tender.Insurance));
        Assert.StartsWith("Answered from your verified passport", fromPassport.Text);
    }

    [Fact]
    public async Task A_consortium_lead_cannot_submit_until_each_invited_member_has_confirmed()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (leadEmail, _) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Lead {word}");
        var (memberEmail, memberId) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Member {word}");
        using var lead = await Portal.SignedInProviderAsync(leadEmail);
        var page = await lead.GetPageAsync($"/tenders/{tender.OpportunityId}/consortium");
        var none = await lead.SubmitAsync(page, new Dictionary<string, string> { ["MemberProviderId"] = "" }, "form[action$='handler=invite']");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose the provider to invite from the list.", await none.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.SubmitAsync(page, new Dictionary<string, string> { ["MemberProviderId"] = memberId.ToString() }, "form[action$='handler=invite']")).StatusCode);
        Assert.Single(await Portal.MailAsync(memberEmail, "tender-consortium-invitation"));

        var waiting = await PostResponseAsync(lead, tender, "submit", FullAnswers(tender), Pdf);
        Assert.Equal(HttpStatusCode.BadRequest, waiting.StatusCode);
        Assert.Contains($"Your consortium is waiting for Member {word} to confirm.", await waiting.Content.ReadAsStringAsync(Ct));

        using var member = await Portal.SignedInProviderAsync(memberEmail);
        var invited = await member.GetPageAsync($"/tenders/{tender.OpportunityId}/consortium");
        Assert.Contains($"Lead {word} invited you", invited.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(invited, new Dictionary<string, string>(), "form[action*='handler=confirm']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostResponseAsync(lead, tender, "submit", FullAnswers(tender), Pdf)).StatusCode);
    }

    [Fact]
    public async Task Nothing_but_the_seal_reads_past_the_query_filters()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src"));
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f)).ToList();
        Assert.Equal(["SealedResponses.cs"], offenders);
        await Task.CompletedTask;
    }
}

public sealed class SealedResponsesOnSqlite(SqlitePortal portal) : SealedResponseTests(portal);

public sealed class SealedResponsesOnPostgres(PostgresPortal portal) : SealedResponseTests(portal);
