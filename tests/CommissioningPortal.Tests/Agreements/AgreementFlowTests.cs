using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Agreements;

/// <summary>The three-way ISF agreement over HTTP: offer, three acceptances of the exact bytes, final PDF, verification, variation.</summary>
public abstract class AgreementFlowTests(PortalFactory portal) : PortalTestBase(portal)
{
    public static Dictionary<string, string> Form(string person, Guid provider, decimal weekly = 312.50m) => new()
    {
        ["PersonName"] = person,
        ["PersonEmail"] = DemoUsers.Person,
        ["ProviderId"] = provider.ToString(),
        ["Terms.WeeklyBudget"] = weekly.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Terms.PersonContribution"] = "0",
        ["Terms.BudgetHolder"] = "Bright Steps Care, on the person's behalf",
        ["Terms.ManagementFee"] = "ConsolidatedRate",
        ["Terms.StartDate"] = "2026-12-07",
        ["Terms.ReviewDate"] = "2027-06-07",
        ["Terms.NoticeWeeks"] = "4",
        ["Terms.Outcomes"] = "Go swimming every week\nSee my friends at the weekend",
    };

    private Task<Guid> BrightStepsAsync() => Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));

    private async Task<Guid> OfferAsync(PortalClient practitioner, string person, decimal weekly = 312.50m)
    {
        var page = await practitioner.GetPageAsync("/agreements/new");
        var response = await practitioner.SubmitAsync(page, Form(person, await BrightStepsAsync(), weekly));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static async Task AcceptAsync(PortalClient client, Guid id, int version = 1)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agreements/{id}/v{version}/offered")).StatusCode); // acceptance needs the PDF opened
        var page = await client.GetPageAsync($"/agreements/{id}");
        Assert.Contains("Your turn", page.Text);
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["Confirm"] = "true" }, "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_offered_pdf_for_a_seeded_person_names_the_parties_the_money_the_schedule_and_the_review_date_on_numbered_pages()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var page = await practitioner.GetPageAsync("/agreements/new");
        var form = Form("Jamie Reid", await BrightStepsAsync());
        form["RepresentativeName"] = "Ailsa Reid";
        form["RepresentativeRelationship"] = "mum";
        form["RepresentativeEmail"] = "representative@people.example";
        form["Terms.PaymentIntervalWeeks"] = "4";
        form["Terms.PaidInAdvance"] = "true";
        var response = await practitioner.SubmitAsync(page, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);

        var offered = await practitioner.GetAsync($"/agreements/{id}/v1/offered");
        Assert.Equal("application/pdf", offered.Content.Headers.ContentType?.MediaType);
        var bytes = await offered.Content.ReadAsByteArrayAsync(Ct);
        var pages = PdfFiles.Pages(bytes);
        var all = string.Join(" ", pages);

        Assert.InRange(pages.Count, 6, 10);
        Assert.Contains("Your support agreement: the short version", pages[0]); // page one is the easy-read summary
        foreach (var name in new[] { "Jamie Reid", "Ailsa Reid", "Bright Steps Care", "Glenmore Health and Social Care Partnership" })
            Assert.Contains(name, all);
        Assert.Contains("£312.50 a week", pages[0]);
        Assert.Contains("£16,250.00 a year", all);
        Assert.Contains("CS2004071234", all); // the provider's verified Care Inspectorate registration, from its passport
        Assert.Contains("01463 555 010", all); // and its phone number, for concerns and complaints
        Assert.Contains("every 4 weeks in advance", all);
        Assert.Contains("No invoices are needed", all);
        Assert.Contains("1 7 Dec 2026 to 3 Jan 2027 7 December 2026 £1,250.00", all);
        Assert.Contains("reviewed on 7 June 2027", all);
        Assert.Contains("Page 1 of " + pages.Count, pages[0]);
        Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1]);
        PdfFiles.AssertRasterises(bytes, pages.Count);
    }

    [Fact]
    public async Task Three_parties_accept_in_turn_and_the_signed_pdf_verifies_but_a_changed_byte_does_not()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var person = $"Jamie {Guid.NewGuid():N}"[..12];
        var id = await OfferAsync(practitioner, person);

        // Not their turn yet: the provider and the commissioner see it but cannot accept; a stranger cannot see it.
        using var provider = NewClient();
        await provider.SignInAsync(DemoUsers.Provider);
        Assert.DoesNotContain("Your turn", (await provider.GetPageAsync($"/agreements/{id}")).Text);
        using var ardbrae = NewClient();
        await ardbrae.SignInAsync(DemoUsers.ArdbraeCommissioner);
        Assert.Equal(HttpStatusCode.NotFound, (await ardbrae.GetPageAsync($"/agreements/{id}")).Status);

        using var personClient = NewClient();
        await personClient.SignInAsync(DemoUsers.Person);
        var home = await personClient.GetPageAsync("/my-support");
        Assert.Contains("Waiting for you to read and accept", home.Document.QuerySelectorAll("li").Single(li => li.InnerHtml.Contains(id.ToString())).TextContent);
        var offered = await personClient.GetAsync($"/agreements/{id}/v1/offered");
        var offeredBytes = await offered.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("application/pdf", offered.Content.Headers.ContentType?.MediaType);

        // Ticking nothing is refused, naming the box.
        var mine = await personClient.GetPageAsync($"/agreements/{id}");
        var refused = await PortalClient.Page.ReadAsync(await personClient.SubmitAsync(mine, new Dictionary<string, string>(), "main form[method=post]"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Tick the box", refused.Text);

        await AcceptAsync(personClient, id);
        await AcceptAsync(provider, id);
        using var commissioner = NewClient();
        await commissioner.SignInAsync(DemoUsers.GlenmoreCommissioner);
        await AcceptAsync(commissioner, id);

        var page = await commissioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains("Active", page.Document.QuerySelector("#agreement-stage")!.TextContent);
        var reference = page.Document.QuerySelector("h1")!.TextContent.Split(' ')[^1];
        var mail = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(reference)).Select(m => new { m.ToAddress, Kind = m.Kind ?? "" }).ToListAsync(Ct));
        Assert.Contains(new { ToAddress = DemoUsers.Person, Kind = "agreement:offered" }, mail);
        Assert.Contains(new { ToAddress = DemoUsers.Provider, Kind = "agreement:accepted-by-person" }, mail);
        Assert.Contains(new { ToAddress = DemoUsers.GlenmoreCommissioner, Kind = "agreement:accepted-by-provider" }, mail);
        Assert.Contains(new { ToAddress = DemoUsers.Person, Kind = "agreement:active" }, mail);
        // The e-mail's link opens the agreement from a mail client: absolute, not a bare path.
        var offeredBody = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(reference) && m.Kind == "agreement:offered").Select(m => m.TextBody).FirstAsync(Ct));
        Assert.Matches($@"https?://[^\s/]+/agreements/{id}", offeredBody);
        var acceptances = await Portal.WithDbAsync(db => db.IsfAcceptances.Join(db.IsfAgreementVersions, a => a.VersionId, v => v.Id, (a, v) => new { a, v })
            .Where(x => x.v.AgreementId == id).Select(x => x.a).ToListAsync(Ct));
        Assert.Equal(3, acceptances.Count);
        var expectedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(offeredBytes));
        Assert.All(acceptances, a => Assert.Equal(expectedHash, a.Sha256));

        var final = await (await personClient.GetAsync($"/agreements/{id}/v1/final")).Content.ReadAsByteArrayAsync(Ct);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(final))
        {
            var last = string.Join(" ", pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text));
            Assert.Contains("Acceptance", last);
            Assert.Contains(expectedHash[..16], last.Replace(" ", ""));
        }

        using var anonymous = NewClient();
        var verify = await anonymous.GetPageAsync("/verify");
        var genuine = await PortalClient.Page.ReadAsync(await anonymous.SubmitAsync(verify, new Dictionary<string, string>
        {
            ["Fingerprint"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(final)),
        }));
        Assert.Equal("Genuine", genuine.Document.QuerySelector("#verify-result")!.TextContent.Trim());
        Assert.DoesNotContain(person, genuine.Text); // says which agreement, never what it says

        final[final.Length / 2] ^= 0x01;
        var tampered = await PortalClient.Page.ReadAsync(await anonymous.SubmitAsync(verify, new Dictionary<string, string>
        {
            ["Fingerprint"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(final)),
        }));
        Assert.Equal("Not recognised", tampered.Document.QuerySelector("#verify-result")!.TextContent.Trim());
    }

    [Fact]
    public async Task Accepting_a_version_other_than_the_one_offered_records_nothing()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var id = await OfferAsync(practitioner, "Skye Morrison");
        using var personClient = NewClient();
        await personClient.SignInAsync(DemoUsers.Person);
        var page = await personClient.GetPageAsync($"/agreements/{id}");
        var response = await PortalClient.Page.ReadAsync(await personClient.SubmitAsync(page,
            new Dictionary<string, string> { ["Confirm"] = "true", ["Sha256"] = new string('0', 64) }, "main form[method=post]"));
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.IsfAcceptances.CountAsync(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == id), Ct)));
    }

    [Fact]
    public async Task A_bad_form_names_each_field_keeps_what_was_typed_and_saves_nothing()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var page = await practitioner.GetPageAsync("/agreements/new");
        var form = Form("Ailsa Grant", await BrightStepsAsync());
        form["Terms.WeeklyBudget"] = "lots";
        form["Terms.ReviewDate"] = "2026-01-01";
        var refused = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(page, form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var summary = refused.Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("weekly budget", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("review date must be after the start date", summary);
        Assert.Equal("Ailsa Grant", refused.Document.QuerySelector("#PersonName")!.GetAttribute("value"));
        Assert.Equal("lots", refused.Document.QuerySelector("#Terms_WeeklyBudget")!.GetAttribute("value"));
        // Counted by the name only this test uses: other test classes offer agreements on the same database at the same time.
        Assert.False(await Portal.WithDbAsync(db => db.SupportedPeople.AnyAsync(p => p.Name == "Ailsa Grant", Ct)));
        Assert.False(await Portal.WithDbAsync(db => db.IsfAgreements.AnyAsync(a => db.SupportedPeople.Any(p => p.Id == a.SupportedPersonId && p.Name == "Ailsa Grant"), Ct)));
    }

    [Fact]
    public async Task A_budget_variation_makes_version_2_with_the_change_summarised_and_version_1_stays_downloadable()
    {
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var id = await OfferAsync(practitioner, "Ruaridh Bell", 300m);
        using (var personClient = NewClient())
        {
            await personClient.SignInAsync(DemoUsers.Person);
            await AcceptAsync(personClient, id);
        }
        using (var provider = NewClient())
        {
            await provider.SignInAsync(DemoUsers.Provider);
            await AcceptAsync(provider, id);
        }
        using (var commissioner = NewClient())
        {
            await commissioner.SignInAsync(DemoUsers.GlenmoreCommissioner);
            await AcceptAsync(commissioner, id);
        }

        var vary = await practitioner.GetPageAsync($"/agreements/{id}/vary");
        Assert.Equal("300.00", vary.Document.QuerySelector("#Terms_WeeklyBudget")!.GetAttribute("value"));
        Assert.Equal("Bright Steps Care, on the person's behalf", vary.Document.QuerySelector("#Terms_BudgetHolder")?.GetAttribute("value"));
        var unchanged = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(vary, new Dictionary<string, string> { ["Reason"] = "Review" }));
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.Status);
        Assert.Contains("Nothing has changed", System.Text.RegularExpressions.Regex.Replace(unchanged.Document.QuerySelector(".ds_error-summary")?.TextContent ?? "", @"\s+", " "));

        var done = await practitioner.SubmitAsync(vary, new Dictionary<string, string> { ["Terms.WeeklyBudget"] = "340", ["Reason"] = "More support at weekends" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = await practitioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains("Weekly budget: £300.00 → £340.00.", page.Text);
        Assert.Contains("Offered", page.Document.QuerySelector("#agreement-stage")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync($"/agreements/{id}/v1/final")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync($"/agreements/{id}/v1/offered")).StatusCode);
        var v2 = await practitioner.GetAsync($"/agreements/{id}/v2/offered");
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        var v2Text = string.Join(" ", PdfFiles.Pages(await v2.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Contains("What changed in this version. This version replaces version 1.", v2Text);
        Assert.Contains("Weekly budget: £300.00 changed to £340.00.", v2Text);
        Assert.Contains("£340.00 a week", v2Text);
    }
}

public sealed class AgreementFlowOnSqlite(SqlitePortal portal) : AgreementFlowTests(portal);

public sealed class AgreementFlowOnPostgres(PostgresPortal portal) : AgreementFlowTests(portal);
