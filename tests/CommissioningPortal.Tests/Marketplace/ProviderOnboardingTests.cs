using System.Net;
using AngleSharp.Html.Dom;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>The provider's own side: the registration wizard, passport evidence uploads, services with rates and capacity.</summary>
public abstract class ProviderOnboardingTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task Wizard_saves_each_step_resumes_at_the_first_unfinished_one_and_registers_the_provider()
    {
        var (email, _) = await Portal.CreateProviderUserAsync();
        using var client = await Portal.SignedInProviderAsync(email);

        // A provider user without a provider is sent to the wizard from their home.
        var home = await client.GetPageAsync("/provider");
        Assert.Equal("/provider/register/kind", home.Url);
        Assert.Contains("step 1 of 5", home.Text, StringComparison.OrdinalIgnoreCase);

        var response = await client.SubmitAsync(home, new Dictionary<string, string> { ["Kind"] = nameof(ProviderKind.PersonalAssistant), ["action"] = "continue" });
        Assert.Equal("/provider/register/about", response.Headers.Location?.OriginalString);

        // Save and come back later keeps an unfinished step.
        var about = await client.GetPageAsync("/provider/register/about");
        response = await client.SubmitAsync(about, new Dictionary<string, string> { ["Name"] = "Isla Fraser", ["Summary"] = "", ["action"] = "save-later" });
        Assert.Equal("/provider/register/saved", response.Headers.Location?.OriginalString);

        var resumed = await client.GetPageAsync("/provider/register");
        Assert.Equal("/provider/register/about", resumed.Url);
        Assert.Equal("Isla Fraser", resumed.ValueOf("Name"));

        // Continue with a missing answer: 400, the field named, what was typed kept.
        response = await client.SubmitAsync(resumed, new Dictionary<string, string> { ["Name"] = "Isla Fraser", ["Summary"] = "", ["action"] = "continue" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("Describe what you offer", problem.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("Isla Fraser", problem.ValueOf("Name"));

        response = await client.SubmitAsync(resumed, new Dictionary<string, string>
        {
            ["Name"] = "Isla Fraser", ["Summary"] = "Personal assistance at home for older people in Glenmore.", ["action"] = "continue",
        });
        Assert.Equal("/provider/register/contact", response.Headers.Location?.OriginalString);

        var contact = await client.GetPageAsync("/provider/register/contact");
        Assert.Contains("never published", contact.Text);
        response = await client.SubmitAsync(contact, new Dictionary<string, string>
        {
            ["ContactEmail"] = email, ["Phone"] = "01224 123456", ["AddressLine"] = "1 High Street", ["Town"] = "Glenmore", ["Postcode"] = "not a postcode", ["action"] = "continue",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        problem = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("Enter a real postcode", problem.Text);
        Assert.Equal("1 High Street", problem.ValueOf("AddressLine"));
        response = await client.SubmitAsync(contact, new Dictionary<string, string>
        {
            ["ContactEmail"] = email, ["Phone"] = "01224 123456", ["AddressLine"] = "1 High Street", ["Town"] = "Glenmore", ["Postcode"] = "ab10 1ab", ["action"] = "continue",
        });
        Assert.Equal("/provider/register/passport", response.Headers.Location?.OriginalString);

        var passport = await client.GetPageAsync("/provider/register/passport");
        Assert.Contains("PVG scheme membership", passport.Text);
        Assert.Contains("Public liability insurance", passport.Text);
        var expiry = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime).AddYears(1).ToString("yyyy-MM-dd");
        response = await client.SubmitAsync(passport, new Dictionary<string, string>
        {
            ["Items[0].Number"] = "1234567890123456", ["Items[1].Number"] = "PL-99", ["Items[1].Details"] = "Insured by Thistle Mutual", ["Items[1].ExpiresOn"] = expiry, ["action"] = "continue",
        });
        Assert.Equal("/provider/register/check", response.Headers.Location?.OriginalString);

        var check = await client.GetPageAsync("/provider/register/check");
        Assert.Contains("AB10 1AB", check.Text);
        response = await client.SubmitAsync(check, new Dictionary<string, string>());
        Assert.Equal("/provider/passport", response.Headers.Location?.OriginalString);

        // The refreshed sign-in carries the new provider: home shows it without signing in again.
        var after = await client.GetPageAsync("/provider");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("Isla Fraser", after.Document.QuerySelector("h1")!.TextContent.Trim());

        await Portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var provider = await db.Providers.SingleAsync(p => p.Id == user.ProviderId);
            Assert.Equal(ProviderKind.PersonalAssistant, provider.Kind);
            Assert.Equal("AB10 1AB", provider.Postcode);
            Assert.Null(provider.VerifiedThrough);
            var items = await db.PassportItems.Where(i => i.ProviderId == provider.Id).ToListAsync();
            Assert.Equal([PassportItemKind.Pvg, PassportItemKind.PublicLiability], items.Select(i => i.Kind).Order());
            Assert.All(items, i => Assert.Equal(PassportItemStatus.Unverified, i.Status));
        });
    }

    [Fact]
    public async Task A_pdf_that_is_really_text_is_refused_naming_the_file_and_keeping_what_was_typed()
    {
        var (email, _) = await Portal.CreateProviderUserAsync(ProviderKind.PersonalAssistant);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item");
        var response = await client.PostMultipartAsync(form, [("Kind", "Pvg"), ("Number", "1111222233334444"), ("Details", "Scheme record")],
            "Evidence", "pvg.pdf", "This is plain text pretending to be a PDF"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.Page.ReadAsync(response);
        var summary = page.Document.QuerySelector(".ds_error-summary")!;
        Assert.Contains("pvg.pdf is not a PDF, JPG or PNG", summary.TextContent);
        Assert.Equal("#Evidence", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1111222233334444", page.ValueOf("Number"));
        Assert.Equal("Scheme record", page.ValueOf("Details"));
        Assert.Equal("Pvg", (page.Document.GetElementById("Kind") as IHtmlSelectElement)!.Value);
        Assert.Contains("Choose the file again", page.Text);
        await AssertNoItemsAsync(email);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_with_the_limit_named()
    {
        var (email, _) = await Portal.CreateProviderUserAsync(ProviderKind.PersonalAssistant);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item");
        var big = new byte[10 * 1024 * 1024 + 1];
        ProviderTestData.MinimalPdf().CopyTo(big, 0);
        var response = await client.PostMultipartAsync(form, [("Kind", "PublicLiability"), ("Number", "PL-1"), ("ExpiresOn", "2099-01-01")], "Evidence", "policy.pdf", big);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("policy.pdf is too big: it must be smaller than 10 MB", page.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("PL-1", page.ValueOf("Number"));
        Assert.Equal("2099-01-01", page.ValueOf("ExpiresOn"));
        await AssertNoItemsAsync(email);
    }

    [Fact]
    public async Task An_empty_form_names_each_missing_answer()
    {
        var (email, _) = await Portal.CreateProviderUserAsync(ProviderKind.PersonalAssistant);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item");
        var response = await client.PostMultipartAsync(form, [("Kind", ""), ("Number", ""), ("Details", ""), ("ExpiresOn", "")], "Evidence", null, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await PortalClient.Page.ReadAsync(response)).Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("Choose what this passport item is", summary);
        Assert.Contains("Choose the evidence file to upload", summary);

        // A file chosen but nothing else: the file is named as not kept, the missing answer named.
        response = await client.PostMultipartAsync(form, [("Kind", "Pvg"), ("Number", "")], "Evidence", "pvg.pdf", ProviderTestData.MinimalPdf());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.Page.ReadAsync(response);
        Assert.Contains("Enter the PVG scheme membership number", page.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Contains("choose the file again", page.Text);
        await AssertNoItemsAsync(email);
    }

    [Fact]
    public async Task Uploaded_evidence_is_stored_under_a_random_name_and_downloads_only_for_the_provider_and_commissioners()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.PersonalAssistant);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item");
        var pdf = ProviderTestData.MinimalPdf("PVG certificate");
        var response = await client.PostMultipartAsync(form, [("Kind", "Pvg"), ("Number", "1111222233334444")], "Evidence", "my pvg (scan).pdf", pdf, "text/plain");
        Assert.Equal("/provider/passport", response.Headers.Location?.OriginalString);

        var item = await Portal.WithDbAsync(db => db.PassportItems.SingleAsync(i => i.ProviderId == providerId));
        Assert.Equal("application/pdf", item.EvidenceContentType);
        Assert.Equal("my pvg (scan).pdf", item.EvidenceFileName);
        Assert.DoesNotContain("pvg", item.EvidenceLocation!);
        Assert.True(File.Exists(Path.Combine(Portal.Folder, "evidence", item.EvidenceLocation!)));

        var passport = await client.GetPageAsync("/provider/passport");
        Assert.Contains("Unverified", passport.Text);

        var download = await client.GetAsync($"/evidence/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));

        using var otherProvider = NewClient();
        await otherProvider.SignInAsync(DemoUsers.Provider);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.GetAsync($"/evidence/{item.Id}")).StatusCode);

        using var commissioner = NewClient();
        await commissioner.SignInAsync(DemoUsers.GlenmoreCommissioner);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync($"/evidence/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task Replacing_the_evidence_of_a_verified_item_sends_it_back_to_unverified_and_the_provider_loses_verified()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.NonCareSupplier);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item?kind=PublicLiability");
        var response = await client.PostMultipartAsync(form, [("Kind", "PublicLiability"), ("Number", "PL-7"), ("ExpiresOn", "2099-01-01")], "Evidence", "policy.pdf", ProviderTestData.MinimalPdf());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        var itemId = await Portal.WithDbAsync(async db =>
        {
            var item = await db.PassportItems.SingleAsync(i => i.ProviderId == providerId);
            item.Verify("commissioner@glenmore.example", Portal.Clock.GetUtcNow());
            var provider = await db.Providers.SingleAsync(p => p.Id == providerId);
            ProviderVerification.Refresh(provider, [item], today);
            await db.SaveChangesAsync();
            return item.Id;
        });
        Assert.Contains("Verified", (await client.GetPageAsync("/provider/passport")).Text);

        var replace = await client.GetPageAsync($"/provider/passport/item/{itemId}");
        response = await client.PostMultipartAsync(replace, [("Number", "PL-7"), ("ExpiresOn", "2099-01-01")], "Evidence", "new-policy.png",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png");
        Assert.Equal("/provider/passport", response.Headers.Location?.OriginalString);

        await Portal.WithDbAsync(async db =>
        {
            var item = await db.PassportItems.SingleAsync(i => i.Id == itemId);
            Assert.Equal(PassportItemStatus.Unverified, item.Status);
            Assert.Null(item.VerifiedBy);
            Assert.Equal("image/png", item.EvidenceContentType);
            Assert.Null((await db.Providers.SingleAsync(p => p.Id == providerId)).VerifiedThrough);
        });
    }

    [Fact]
    public async Task Care_inspectorate_grades_are_checked_kept_when_wrong_and_shown_on_the_profile_once_verified()
    {
        var (email, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.RegisteredOrganisation);
        using var client = await Portal.SignedInProviderAsync(email);
        var form = await client.GetPageAsync("/provider/passport/item?kind=CareInspectorateRegistration");
        (string, string)[] fields =
        [
            ("Kind", "CareInspectorateRegistration"), ("Number", "CS2020123456"), ("CareServiceType", "Support service – care at home"),
            ("ClientGroupScope", "Older people"), ("GradedOn", "2099-01-01"),
            ("Grades[0]", "5"), ("Grades[1]", ""), ("Grades[2]", "9"), ("Grades[3]", ""), ("Grades[4]", "4"),
        ];
        var response = await client.PostMultipartAsync(form, fields, "Evidence", "ci.pdf", ProviderTestData.MinimalPdf());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.Page.ReadAsync(response);
        var summary = page.Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("Choose a grade from 1 to 6 for key question 3", summary);
        Assert.Contains("The inspection date cannot be in the future", summary);
        Assert.Equal("5", page.ValueOf("Grades_0_"));
        Assert.Equal("4", page.ValueOf("Grades_4_"));
        Assert.Equal("Support service – care at home", page.ValueOf("CareServiceType"));
        Assert.Equal("Older people", page.ValueOf("ClientGroupScope"));
        Assert.Equal("CS2020123456", page.ValueOf("Number"));
        await AssertNoItemsAsync(email);

        fields[4] = ("GradedOn", "2025-06-12");
        fields[7] = ("Grades[2]", "4");
        response = await client.PostMultipartAsync(form, fields, "Evidence", "ci.pdf", ProviderTestData.MinimalPdf());
        Assert.Equal("/provider/passport", response.Headers.Location?.OriginalString);

        // Not on the public profile until a commissioner has checked the registration.
        using var visitor = NewClient();
        Assert.DoesNotContain("Care Inspectorate grades", (await visitor.GetPageAsync($"/directory/{providerId}")).Text);
        var item = await Portal.WithDbAsync(async db =>
        {
            var item = await db.PassportItems.SingleAsync(i => i.ProviderId == providerId);
            item.Verify("commissioner@glenmore.example", Portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return item;
        });
        Assert.Equal([5, null, 4, null, 4], item.Grades);

        var profile = (await visitor.GetPageAsync($"/directory/{providerId}")).Document.QuerySelector(".portal-care-inspectorate")!;
        var shown = profile.QuerySelectorAll(".ds_summary-list__item").Select(row => row.TextContent.Trim()).ToList();
        Assert.Contains(shown, r => r.Contains("How good is our staff team?") && r.Contains("4 – Good"));
        Assert.Contains(shown, r => r.Contains("How well do we support people's wellbeing?") && r.Contains("5 – Very good"));
        Assert.DoesNotContain(shown, r => r.Contains("How good is our leadership?")); // not graded
        Assert.Contains(shown, r => r.Contains("12 June 2025"));

        // Editing the grades of the checked registration sends it back to be checked.
        var edit = await client.GetPageAsync($"/provider/passport/item/{item.Id}");
        Assert.Equal("4", edit.ValueOf("Grades_2_"));
        response = await client.PostMultipartAsync(edit, [("Number", "CS2020123456"), ("CareServiceType", "Support service – care at home"), ("GradedOn", "2025-06-12"),
            ("Grades[0]", "6"), ("Grades[2]", "4"), ("Grades[4]", "4")], "Evidence", null, null);
        Assert.Equal("/provider/passport", response.Headers.Location?.OriginalString);
        Assert.Equal(PassportItemStatus.Unverified, await Portal.WithDbAsync(db => db.PassportItems.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_organisation_invites_a_colleague_who_joins_from_the_e_mailed_link()
    {
        var (ownerEmail, providerId) = await Portal.CreateProviderUserAsync(ProviderKind.RegisteredOrganisation);
        var (colleagueEmail, _) = await Portal.CreateProviderUserAsync();
        using var owner = await Portal.SignedInProviderAsync(ownerEmail);
        var page = await owner.GetPageAsync("/provider/colleagues");
        var response = await owner.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        response = await owner.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = colleagueEmail });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var body = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == colleagueEmail).Select(m => m.TextBody).SingleAsync());
        var link = body.Split('\n').Single(l => l.Contains("/provider/join/")).Trim();

        using var colleague = await Portal.SignedInProviderAsync(colleagueEmail);
        var join = await colleague.GetPageAsync(new Uri(link).PathAndQuery);
        response = await colleague.SubmitAsync(join, new Dictionary<string, string>());
        Assert.Equal("/provider", response.Headers.Location?.OriginalString);
        var home = await colleague.GetPageAsync("/provider");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal(providerId, await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == colleagueEmail).Select(u => u.ProviderId).SingleAsync()));

        // The link works once.
        Assert.Equal(HttpStatusCode.BadRequest, (await colleague.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Sending_an_invitation_again_replaces_its_link_and_a_withdrawn_link_no_longer_works()
    {
        var (ownerEmail, _) = await Portal.CreateProviderUserAsync(ProviderKind.MicroProvider);
        var (colleagueEmail, _) = await Portal.CreateProviderUserAsync();
        using var owner = await Portal.SignedInProviderAsync(ownerEmail);
        var response = await owner.SubmitAsync(await owner.GetPageAsync("/provider/colleagues"), new Dictionary<string, string> { ["Email"] = colleagueEmail });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Task<List<string>> LinksAsync() => Portal.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.ToAddress == colleagueEmail).Select(m => m.TextBody).ToListAsync())
            .Select(b => new Uri(b.Split('\n').Single(l => l.Contains("/provider/join/")).Trim()).PathAndQuery).ToList());
        var first = Assert.Single(await LinksAsync());

        var page = await owner.GetPageAsync("/provider/colleagues");
        response = await owner.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=SendAgain']");
        Assert.Equal("/provider/colleagues", response.Headers.Location?.OriginalString);
        // Both mails share the fake clock's time, and the outbox dispatcher may have rewritten the first row
        // (so it need not come back first): the old link is the one sent first, the new one is the other.
        var links = await LinksAsync();
        Assert.Equal(2, links.Count);
        links = [first, links.Single(l => l != first)];

        page = await owner.GetPageAsync("/provider/colleagues");
        Assert.Equal(["Waiting", "Withdrawn"], page.Document.QuerySelectorAll("tbody tr td:nth-child(3)").Select(c => c.TextContent).Order());

        using var colleague = await Portal.SignedInProviderAsync(colleagueEmail);
        var old = await colleague.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("Ask your colleague to send a new one", (await PortalClient.Page.ReadAsync(old)).Text);

        // Withdrawing the new one stops it working too; nobody joined.
        var newLink = links.Single(l => l != links[0]);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(newLink)).StatusCode);
        response = await owner.SubmitAsync(page, new Dictionary<string, string>(), "form[action*='handler=Withdraw']");
        Assert.Equal("/provider/colleagues", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await colleague.GetAsync(newLink)).StatusCode);
        Assert.Null(await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == colleagueEmail).Select(u => u.ProviderId).SingleAsync()));
        Assert.DoesNotContain("Waiting", (await owner.GetPageAsync("/provider/colleagues")).Text);
    }

    private Task AssertNoItemsAsync(string email) => Portal.WithDbAsync(async db =>
    {
        var providerId = await db.Users.Where(u => u.Email == email).Select(u => u.ProviderId).SingleAsync();
        Assert.False(await db.PassportItems.AnyAsync(i => i.ProviderId == providerId));
    });
}

public sealed class ProviderOnboardingOnSqlite(SqlitePortal portal) : ProviderOnboardingTests(portal);

public sealed class ProviderOnboardingOnPostgres(PostgresPortal portal) : ProviderOnboardingTests(portal);
