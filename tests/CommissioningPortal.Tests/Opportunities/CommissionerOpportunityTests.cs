using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Frameworks;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Opportunities;

/// <summary>
/// Issue 15, commissioner side, over HTTP: a commissioner builds a tender with two lots, previews it, confirms
/// publication; its process starts; a provider whose saved search asks for CPV 85312000 is e-mailed; documents
/// are checked by content and size; an amendment needs a note and reaches followers; cancelling needs a reason.
/// Every bad input is a 400 naming the field, keeping what was typed, saving nothing.
/// </summary>
public abstract class CommissionerOpportunityTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static string Word() => "op" + Guid.NewGuid().ToString("N")[..10];

    private async Task<PortalClient> CommissionerAsync(FrameworkTestData.TestAuthority authority)
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(authority.CommissionerEmail)).StatusCode);
        return client;
    }

    /// <summary>A complete, valid tender form; <paramref name="change"/> replaces or adds fields.</summary>
    private List<(string, string)> TenderForm(string title, params (string Name, string Value)[] change)
    {
        var deadline = Portal.Clock.GetUtcNow().AddDays(30);
        var fields = new List<(string Name, string Value)>
        {
            ("Form.Kind", "OpenTender"), ("Form.Title", title), ("Form.Summary", "Support at home for older people, planned with each person."),
            ("Form.Description", "## What we want\n\nSupport that starts from what people want to achieve."), ("Form.CpvCodes", "85312000-9, 85320000"),
            ("Form.Localities", "east"), ("Form.Localities", "west"), ("Form.ClientGroups", "older-people"), ("Form.SupportTypes", "care-at-home"),
            ("Form.EstimatedValue", "2,400,000"), ("Form.DurationMonths", "36"),
            ("Form.ProcedureNote", "Light-touch regime under regulations 74 to 76 of the Public Contracts (Scotland) Regulations 2015."),
            ("Form.PublicationAt", ""), ("Form.ClarificationDeadline", $"{deadline.AddDays(-14):d/M/yyyy} 12:00"),
            ("Form.SubmissionDeadline", $"{deadline:d/M/yyyy} 12:00"), ("Form.ExpectedAwardOn", $"{deadline.AddDays(30):d/M/yyyy}"),
            ("Form.ContractStartOn", $"{deadline.AddDays(60):d/M/yyyy}"), ("Form.QualityWeight", "60"), ("Form.PriceWeight", "30"), ("Form.FairWorkWeight", "10"),
        };
        foreach (var (name, value) in change)
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }
        return fields;
    }

    private static Guid IdFrom(HttpResponseMessage response, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location);
        return Guid.Parse(location[prefix.Length..].Split('#', '?', '/')[0]);
    }

    private async Task<Guid> CreateDraftAsync(PortalClient client, string code, string title, params (string, string)[] change)
    {
        var page = await client.GetPageAsync($"/authority/{code}/opportunities/new");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return IdFrom(await client.PostFormAsync(page, TenderForm(title, change)), $"/authority/{code}/opportunities/");
    }

    private static async Task<HttpResponseMessage> PostFileAsync(PortalClient client, PortalClient.Page page, string action, string title, string fileName, byte[] file)
    {
        var token = page.Document.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "DocumentTitle" },
            { new ByteArrayContent(file), "Document", fileName },
        };
        return await client.Http.PostAsync(action, content);
    }

    private static byte[] Docx()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return memory.ToArray();
    }

    private Task<List<string>> MailSubjectsAsync(string to) =>
        Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == to).Select(m => m.Subject).ToListAsync(Ct));

    [Fact]
    public async Task A_commissioner_builds_a_tender_with_two_lots_previews_it_and_publishes_it_after_confirming_and_a_provider_following_its_CPV_is_emailed()
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = Word();
        var (providerEmail, _) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        using (var provider = await Portal.SignedInProviderAsync(providerEmail))
        {
            var alerts = await provider.GetPageAsync("/opportunities/alerts");
            Assert.Equal(HttpStatusCode.OK, alerts.Status);
            var saved = await provider.PostFormAsync(alerts, [("Cpv", "85312000"), ("Kind", ""), ("Locality", ""), ("ClientGroup", ""), ("Frequency", "Immediately")], "/opportunities/alerts");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("CPV 85312000", (await provider.GetPageAsync("/opportunities/alerts")).Text);
        }
        using var client = await CommissionerAsync(authority);
        var empty = await client.GetPageAsync($"/authority/{authority.Code}/opportunities");
        Assert.Contains("You have no opportunities yet", empty.Text);

        var id = await CreateDraftAsync(client, authority.Code, $"Care at home {word}");
        var here = $"/authority/{authority.Code}/opportunities/{id}";
        var manage = await client.GetPageAsync(here);
        Assert.Contains("Draft", manage.Text);
        foreach (var lot in new[] { "North", "South" })
        {
            var added = await client.PostFormAsync(manage, [("LotTitle", lot), ("LotDescription", ""), ("LotValue", "1200000")], $"{here}/addlot");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            manage = await client.GetPageAsync(here);
        }
        Assert.Contains("North", manage.Text);
        Assert.Contains("South", manage.Text);

        // Not public yet.
        Assert.Equal(HttpStatusCode.NotFound, (await NewClient().GetAsync($"/opportunities/{id}")).StatusCode);
        var preview = await client.GetPageAsync($"{here}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains($"Care at home {word}", preview.Text);
        Assert.Contains("Quality 60%, price 30%, fair work 10%", preview.Text);
        Assert.Contains("85312000-9 Social work services without accommodation", preview.Text);
        Assert.Contains("Older people", preview.Text);
        Assert.Contains("Care at home", preview.Text);
        Assert.Contains($"East {authority.Code}", preview.Text);

        var confirm = await client.GetPageAsync($"{here}/publish");
        Assert.Contains("Yes, publish it", confirm.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(confirm, new Dictionary<string, string>())).StatusCode);

        var publicPage = await NewClient().GetPageAsync($"/opportunities/{id}");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Contains("South", publicPage.Text);
        Assert.Contains("Published.", publicPage.Text);
        Assert.Contains(await MailSubjectsAsync(providerEmail), s => s == $"New opportunity: Care at home {word}");
        // The public list finds it by its CPV code written either way, and by its support type's neighbours: locality and client group.
        Assert.Contains($"Care at home {word}", (await NewClient().GetPageAsync($"/opportunities?q={word}&cpv=85312000-9&authority={authority.Code}&locality=west&clientGroup=older-people")).Text);
        Assert.Contains($"Care at home {word}", (await NewClient().GetPageAsync($"/opportunities?q={word}&cpv=85320000")).Text);

        var process = await Portal.WithDbAsync(db => db.WorkflowInstances.SingleAsync(i => i.BusinessKey == $"opportunity:{id}", Ct));
        Assert.Equal("tender", process.DefinitionId);
        Assert.Equal("published", process.State);
        var workspace = await client.GetPageAsync(here);
        Assert.Contains("Stage: Published", workspace.Text);

        var list = await client.GetPageAsync($"/authority/{authority.Code}/opportunities");
        Assert.Contains("Open for responses: 1", list.Text);
        var csv = await client.Http.GetStringAsync($"/authority/{authority.Code}/opportunities?handler=export", Ct);
        Assert.Contains($"Care at home {word}", csv);
        Assert.Contains("Open for responses", csv);
    }

    [Fact]
    public async Task Your_opportunities_and_tenders_link_to_each_other_and_show_each_opportunitys_unanswered_questions_and_open_tasks()
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = Word();
        using var client = await CommissionerAsync(authority);
        var id = await CreateDraftAsync(client, authority.Code, $"Linked {word}");
        var here = $"/authority/{authority.Code}/opportunities/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetPageAsync($"{here}/publish"), new Dictionary<string, string>())).StatusCode);
        var (providerEmail, _) = await Portal.CreateProviderUserAsync(ProviderKind.RegisteredOrganisation);
        using (var provider = await Portal.SignedInProviderAsync(providerEmail))
        {
            var ask = await provider.GetPageAsync($"/tenders/{id}/questions");
            Assert.Equal(HttpStatusCode.Redirect, (await provider.SubmitAsync(ask, new Dictionary<string, string> { ["Question"] = "Is there a lot for the islands?" })).StatusCode);
        }
        var openTasks = await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.BusinessKey == $"opportunity:{id}")
            .SelectMany(i => db.WorkItems.Where(w => w.InstanceId == i.Id && w.ClosedAt == null)).CountAsync(Ct));

        // Your opportunities: a link to Tenders, and per opportunity its unanswered questions (a link to them) and open tasks.
        var mine = await client.GetPageAsync($"/authority/{authority.Code}/opportunities");
        Assert.NotNull(mine.Document.QuerySelector("main a[href='/tendering']"));
        var row = mine.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains($"Linked {word}"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        var unanswered = row.QuerySelector($"a[href='/tendering/{id}/clarifications']");
        Assert.NotNull(unanswered);
        Assert.StartsWith("1", unanswered.TextContent.Trim());
        Assert.Equal(openTasks.ToString(), cells[^1]);
        var csv = await client.Http.GetStringAsync($"/authority/{authority.Code}/opportunities?handler=export", Ct);
        Assert.Contains("Unanswered questions", csv);

        // Tenders: a link back, and the same counts.
        var tenders = await client.GetPageAsync("/tendering");
        Assert.NotNull(tenders.Document.QuerySelector($"main a[href='/authority/{authority.Code}/opportunities']"));
        var tenderRow = tenders.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains($"Linked {word}"));
        Assert.StartsWith("1", tenderRow.QuerySelector($"a[href='/tendering/{id}/clarifications']")!.TextContent.Trim());
        Assert.Equal(openTasks.ToString(), tenderRow.QuerySelectorAll("td")[3].TextContent.Trim());

        // One opportunity: its tendering workspace and its page link to each other.
        var workspace = await client.GetPageAsync($"/tendering/{id}");
        Assert.Contains("1 unanswered", workspace.Text);
        Assert.NotNull(workspace.Document.QuerySelector($"main a[href='{here}']"));
        Assert.NotNull((await client.GetPageAsync(here)).Document.QuerySelector($"main a[href='/tendering/{id}']"));
    }

    [Theory]
    [InlineData("Form.QualityWeight", "70", "Form_QualityWeight", "must add up to 100; they add up to 110")]
    [InlineData("Form.SubmissionDeadline", "1/1/2026 12:00", "Form_SubmissionDeadline", "submission deadline must be after the publication date")]
    [InlineData("Form.CpvCodes", "85999999", "Form_CpvCodes", "The CPV code 85999999 does not exist")]
    [InlineData("Form.CpvCodes", "85312000-3", "Form_CpvCodes", "wrong check digit: the code for \"Social work services without accommodation\" is 85312000-9")]
    [InlineData("Form.CpvCodes", "care", "Form_CpvCodes", "is not a CPV code")]
    [InlineData("Form.SubmissionDeadline", "31/2/2027", "Form_SubmissionDeadline", "must be a real date and time")]
    [InlineData("Form.Localities", "nowhere", "Form_Localities", "is not a locality in the list")]
    [InlineData("Form.Title", "", "Form_Title", "Enter the opportunity's title")]
    public async Task Bad_input_is_refused_with_a_message_naming_the_field_keeping_what_was_typed_and_saving_nothing(string field, string value, string id, string message)
    {
        var authority = await Portal.NewAuthorityAsync();
        using var client = await CommissionerAsync(authority);
        var title = $"Bad {Word()}";
        var extra = new List<(string, string)> { (field, value) };
        if (field == "Form.SubmissionDeadline" && value.StartsWith("1/1/")) extra.Add(("Form.PublicationAt", "1/2/2026 09:00"));
        if (field == "Form.SubmissionDeadline") extra.Add(("Form.ClarificationDeadline", ""));
        if (field == "Form.SubmissionDeadline") extra.Add(("Form.ExpectedAwardOn", ""));
        if (field == "Form.Title") title = "";
        var page = await client.GetPageAsync($"/authority/{authority.Code}/opportunities/new");
        var response = await client.PostFormAsync(page, TenderForm(title, [.. extra]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await PortalClient.Page.ReadAsync(response);
        Assert.Contains(message, refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Contains(message, refused.Document.GetElementById($"{id}-error")?.TextContent ?? "");
        Assert.Equal("Support at home for older people, planned with each person.", refused.Document.GetElementById("Form_Summary")!.TextContent);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Opportunities.CountAsync(o => o.AuthorityId == authority.Id, Ct)));
    }

    [Fact]
    public async Task Documents_are_checked_by_content_and_size_listed_publicly_once_published_and_never_downloadable_from_a_draft()
    {
        var authority = await Portal.NewAuthorityAsync();
        using var client = await CommissionerAsync(authority);
        var id = await CreateDraftAsync(client, authority.Code, $"Docs {Word()}");
        var here = $"/authority/{authority.Code}/opportunities/{id}";
        var page = await client.GetPageAsync(here);

        var tooBig = await PostFileAsync(client, page, $"{here}/upload", "Specification", "spec.pdf", new byte[20 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        var tooBigPage = await PortalClient.Page.ReadAsync(tooBig);
        Assert.Contains("is too big", tooBigPage.Document.GetElementById("Document-error")!.TextContent);

        var pretending = await PostFileAsync(client, page, $"{here}/upload", "Specification", "spec.pdf", Encoding.UTF8.GetBytes("just text, named .pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, pretending.StatusCode);
        Assert.Contains("is not a PDF, Word", (await PortalClient.Page.ReadAsync(pretending)).Document.GetElementById("Document-error")!.TextContent);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.OpportunityDocuments.CountAsync(d => d.OpportunityId == id, Ct)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(client, page, $"{here}/upload", "Specification", "spec.pdf", ProviderTestData.MinimalPdf("Spec"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(client, page, $"{here}/upload", "Price schedule", "prices.docx", Docx())).StatusCode);
        var documents = await Portal.WithDbAsync(db => db.OpportunityDocuments.Where(d => d.OpportunityId == id).OrderBy(d => d.Title).ToListAsync(Ct));
        Assert.Equal(["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf"], documents.Select(d => d.ContentType));
        Assert.Equal(HttpStatusCode.NotFound, (await NewClient().GetAsync($"/opportunities/{id}/documents/{documents[1].Id}")).StatusCode);

        var confirm = await client.GetPageAsync($"{here}/publish");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(confirm, new Dictionary<string, string>())).StatusCode);
        using var visitor = NewClient();
        var publicPage = await visitor.GetPageAsync($"/opportunities/{id}");
        var link = publicPage.Document.QuerySelectorAll("a").First(a => a.TextContent.Trim() == "Specification").GetAttribute("href")!;
        var download = await visitor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync(Ct))[..5]);
    }

    [Theory]
    [InlineData("Form.QualityWeight", "70", "Form_QualityWeight", "must add up to 100; they add up to 110")]
    [InlineData("Form.SubmissionDeadline", "1/1/2026 12:00", "Form_SubmissionDeadline", "submission deadline must be after the publication date")]
    [InlineData("Form.CpvCodes", "85999999", "Form_CpvCodes", "The CPV code 85999999 does not exist")]
    public async Task A_bad_amendment_is_refused_naming_the_field_keeping_the_note_changing_nothing_and_telling_no_follower(string field, string value, string id, string message)
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = Word();
        using var client = await CommissionerAsync(authority);
        var opportunityId = await CreateDraftAsync(client, authority.Code, $"Bad amendment {word}");
        var here = $"/authority/{authority.Code}/opportunities/{opportunityId}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetPageAsync($"{here}/publish"), new Dictionary<string, string>())).StatusCode);
        var (followerEmail, _) = await Portal.CreateProviderUserAsync(ProviderKind.RegisteredOrganisation);
        using (var follower = await Portal.SignedInProviderAsync(followerEmail))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await follower.SubmitAsync(await follower.GetPageAsync($"/opportunities/{opportunityId}/follow"), new Dictionary<string, string>())).StatusCode);
        }
        static async Task<string> SnapshotAsync(global::CommissioningPortal.Data.PortalDbContext db, Guid id)
        {
            var o = await db.Opportunities.AsNoTracking().Include(x => x.Changes).SingleAsync(x => x.Id == id);
            return $"{o.Title}|{o.QualityWeight}|{o.PriceWeight}|{o.FairWorkWeight}|{o.SubmissionDeadline:O}|{string.Join(",", o.CpvCodes)}|{o.Changes.Count}";
        }
        var before = await Portal.WithDbAsync(db => SnapshotAsync(db, opportunityId));

        var edit = await client.GetPageAsync($"{here}/edit");
        var fields = new Dictionary<string, string> { [field] = value, ["Note"] = $"A note kept {word}" };
        if (field == "Form.SubmissionDeadline") fields["Form.ClarificationDeadline"] = "";
        if (field == "Form.SubmissionDeadline") fields["Form.ExpectedAwardOn"] = "";
        var refused = await client.SubmitAsync(edit, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await PortalClient.Page.ReadAsync(refused);
        Assert.Contains(message, page.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Contains(message, page.Document.GetElementById($"{id}-error")?.TextContent ?? "");
        Assert.Contains($"A note kept {word}", page.Text);
        Assert.Equal(before, await Portal.WithDbAsync(db => SnapshotAsync(db, opportunityId)));
        Assert.Empty(await MailSubjectsAsync(followerEmail));
    }

    [Fact]
    public async Task An_amendment_needs_a_note_shows_in_the_public_change_log_and_emails_everyone_following_then_cancelling_needs_a_reason()
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = Word();
        using var client = await CommissionerAsync(authority);
        var id = await CreateDraftAsync(client, authority.Code, $"Amend {word}");
        var here = $"/authority/{authority.Code}/opportunities/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetPageAsync($"{here}/publish"), new Dictionary<string, string>())).StatusCode);

        var (followerEmail, _) = await Portal.CreateProviderUserAsync(ProviderKind.RegisteredOrganisation);
        using (var follower = await Portal.SignedInProviderAsync(followerEmail))
        {
            var followPage = await follower.GetPageAsync($"/opportunities/{id}/follow");
            Assert.Equal(HttpStatusCode.Redirect, (await follower.SubmitAsync(followPage, new Dictionary<string, string>())).StatusCode);
            Assert.Contains("Stop following", (await follower.GetPageAsync($"/opportunities/{id}")).Text);
        }

        var later = Portal.Clock.GetUtcNow().AddDays(40);
        var edit = await client.GetPageAsync($"{here}/edit");
        Assert.Equal($"Amend {word}", edit.ValueOf("Form_Title"));
        var changed = new Dictionary<string, string> { ["Form.SubmissionDeadline"] = $"{later:d/M/yyyy} 12:00", ["Note"] = "" };
        var noNote = await client.SubmitAsync(edit, changed);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("Say what changed and why", (await PortalClient.Page.ReadAsync(noNote)).Document.GetElementById("Note-error")!.TextContent);
        Assert.Empty(await MailSubjectsAsync(followerEmail));

        changed["Note"] = "Ten more days: the specification changed.";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(edit, changed)).StatusCode);
        var publicPage = await NewClient().GetPageAsync($"/opportunities/{id}");
        Assert.Contains("Changed submission deadline: Ten more days: the specification changed.", publicPage.Text);
        Assert.Contains(await MailSubjectsAsync(followerEmail), s => s == $"Changed: Amend {word}");

        var cancel = await client.GetPageAsync($"{here}/cancel");
        var noReason = await client.SubmitAsync(cancel, new Dictionary<string, string> { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await PortalClient.Page.ReadAsync(noReason)).Document.GetElementById("Reason-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(cancel, new Dictionary<string, string> { ["Reason"] = "We will re-tender with a simpler specification." })).StatusCode);
        Assert.Contains("We will re-tender with a simpler specification.", (await NewClient().GetPageAsync($"/opportunities/{id}")).Text);
        // Following promises an e-mail for a cancellation too, with its reason.
        var cancelled = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == followerEmail && m.Subject == $"Cancelled: Amend {word}").Select(m => m.TextBody).SingleAsync(Ct));
        Assert.Contains("We will re-tender with a simpler specification.", cancelled);
        Assert.Equal("cancelled", await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.BusinessKey == $"opportunity:{id}").Select(i => i.State).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Another_authoritys_commissioner_finds_nothing_and_a_saved_search_with_an_unknown_cpv_is_refused()
    {
        var mine = await Portal.NewAuthorityAsync();
        var theirs = await Portal.NewAuthorityAsync();
        using var me = await CommissionerAsync(mine);
        var id = await CreateDraftAsync(me, mine.Code, $"Private {Word()}");
        using var other = await CommissionerAsync(theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/authority/{theirs.Code}/opportunities/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/authority/{theirs.Code}/opportunities/{id}/preview")).StatusCode);
        Assert.DoesNotContain("Private", (await other.GetPageAsync($"/authority/{theirs.Code}/opportunities")).Text);

        var (email, _) = await Portal.CreateProviderUserAsync(ProviderKind.RegisteredOrganisation);
        using var provider = await Portal.SignedInProviderAsync(email);
        var alerts = await provider.GetPageAsync("/opportunities/alerts");
        var refused = await provider.PostFormAsync(alerts, [("Cpv", "12345678"), ("Frequency", "Immediately")], "/opportunities/alerts");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await PortalClient.Page.ReadAsync(refused);
        Assert.Contains("does not exist", page.Document.GetElementById("Cpv-error")!.TextContent);
        Assert.Equal("12345678", page.ValueOf("Cpv"));
        var nothing = await provider.PostFormAsync(alerts, [("Frequency", "Immediately")], "/opportunities/alerts");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.SavedSearches.CountAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email), Ct)));
    }

    [Fact]
    public async Task The_daily_digest_sends_new_matches_once()
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = Word();
        var (email, _) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        using (var provider = await Portal.SignedInProviderAsync(email))
        {
            var alerts = await provider.GetPageAsync("/opportunities/alerts");
            Assert.Equal(HttpStatusCode.Redirect, (await provider.PostFormAsync(alerts, [("Kind", "MarketEngagement"), ("ClientGroup", "carers"), ("Frequency", "DailyDigest")], "/opportunities/alerts")).StatusCode);
        }
        Portal.Clock.Advance(TimeSpan.FromSeconds(1)); // published after the search was saved
        using var client = await CommissionerAsync(authority);
        var id = await CreateDraftAsync(client, authority.Code, $"Carers {word}", ("Form.Kind", "MarketEngagement"), ("Form.ClientGroups", "carers"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetPageAsync($"/authority/{authority.Code}/opportunities/{id}/publish"), new Dictionary<string, string>())).StatusCode);
        Assert.Equal("market-engagement", await Portal.WithDbAsync(db => db.WorkflowInstances.Where(i => i.BusinessKey == $"opportunity:{id}").Select(i => i.DefinitionId).SingleAsync(Ct)));
        Assert.Empty(await MailSubjectsAsync(email)); // a digest, not at once

        async Task DigestAsync()
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OpportunityAlerts>().DailyDigestAsync(Portal.Clock.GetUtcNow().AddSeconds(1), Ct);
        }
        await DigestAsync();
        await DigestAsync();
        Assert.Single(await MailSubjectsAsync(email), s => s.StartsWith("New opportunities for you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fresh_demo_publishes_every_kind_of_opportunity_for_both_authorities()
    {
        var kinds = await Portal.WithDbAsync(db => db.Opportunities.Where(o => o.Status == OpportunityStatus.Published)
            .Join(db.Authorities.Where(a => a.Code == "glenmore" || a.Code == "ardbrae"), o => o.AuthorityId, a => a.Id, (o, a) => new { a.Code, o.Kind })
            .Distinct().ToListAsync(Ct));
        foreach (var code in new[] { "glenmore", "ardbrae" })
            Assert.Equal(Enum.GetValues<OpportunityKind>().Order(), kinds.Where(k => k.Code == code).Select(k => k.Kind).Order());
    }

    [Fact]
    public async Task The_Atom_feed_lists_published_opportunities()
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = Word();
        using var client = await CommissionerAsync(authority);
        var id = await CreateDraftAsync(client, authority.Code, $"Atom {word}");
        Assert.DoesNotContain($"Atom {word}", await NewClient().Http.GetStringAsync("/opportunities.atom", Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetPageAsync($"/authority/{authority.Code}/opportunities/{id}/publish"), new Dictionary<string, string>())).StatusCode);
        var response = await NewClient().GetAsync("/opportunities.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(feed.Descendants(System.Xml.Linq.XName.Get("title", "http://www.w3.org/2005/Atom")), t => t.Value == $"Atom {word}");
    }
}

public sealed class CommissionerOpportunitiesOnSqlite(SqlitePortal portal) : CommissionerOpportunityTests(portal);

public sealed class CommissionerOpportunitiesOnPostgres(PostgresPortal portal) : CommissionerOpportunityTests(portal);
