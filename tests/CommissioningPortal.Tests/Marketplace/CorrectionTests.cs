using System.Net;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>"Suggest a correction" from the public, queued and e-mailed to the provider, who resolves it with a note.</summary>
public abstract class CorrectionTests(PortalFactory portal) : PortalTestBase(portal)
{
    private Task<Guid> ProviderAsync(string name) => Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct));

    private const string Form = "form[action*='handler=correction']";

    [Fact]
    public async Task An_empty_or_bad_correction_gets_400_naming_the_field_keeping_what_was_typed_and_queues_nothing()
    {
        var bright = await ProviderAsync("Bright Steps Care");
        var before = await Portal.WithDbAsync(db => db.ProviderCorrections.CountAsync(c => c.ProviderId == bright, Ct));
        using var client = NewClient();
        var profile = await client.GetPageAsync($"/directory/{bright}");

        var empty = await PortalClient.Page.ReadAsync(await client.SubmitAsync(profile, new Dictionary<string, string> { ["WhatIsWrong"] = "  ", ["ReplyEmail"] = "me@example.com" }, Form));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Say what is wrong", empty.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("me@example.com", empty.Document.QuerySelector("#ReplyEmail")!.GetAttribute("value"));

        var badEmail = await PortalClient.Page.ReadAsync(await client.SubmitAsync(profile, new Dictionary<string, string> { ["WhatIsWrong"] = "Phone is wrong", ["ReplyEmail"] = "not an address" }, Form));
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.Status);
        Assert.Contains("Enter an e-mail address", badEmail.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("Phone is wrong", badEmail.Document.QuerySelector("#WhatIsWrong")!.TextContent);
        Assert.Equal("not an address", badEmail.Document.QuerySelector("#ReplyEmail")!.GetAttribute("value"));

        // A robot that fills the hidden field is thanked and nothing is kept.
        var robot = await client.SubmitAsync(profile, new Dictionary<string, string> { ["WhatIsWrong"] = "Buy cheap watches", ["Nickname"] = "bot" }, Form);
        Assert.Equal(HttpStatusCode.Redirect, robot.StatusCode);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.ProviderCorrections.CountAsync(c => c.ProviderId == bright, Ct)));
    }

    [Fact]
    public async Task A_correction_is_queued_e_mailed_to_the_provider_who_resolves_it_with_a_note()
    {
        var bright = await ProviderAsync("Bright Steps Care");
        var what = $"The phone number is out of date {Guid.NewGuid():N}";
        using var client = NewClient();
        var profile = await client.GetPageAsync($"/directory/{bright}");
        var sent = await client.SubmitAsync(profile, new Dictionary<string, string> { ["WhatIsWrong"] = what, ["ReplyEmail"] = "reader@example.com" }, Form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanked = await client.GetPageAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("We have sent your correction to Bright Steps Care", thanked.Text);

        var stored = await Portal.WithDbAsync(db => db.ProviderCorrections.SingleAsync(c => c.WhatIsWrong == what, Ct));
        Assert.Equal((bright, CorrectionStatus.Open, "reader@example.com"), (stored.ProviderId, stored.Status, stored.ReplyEmail));
        var mail = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == "provider-correction" && m.TextBody.Contains(what), Ct));
        Assert.Contains(what, mail.TextBody);
        var contact = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Id == bright).Select(p => p.ContactEmail).SingleAsync(Ct));
        Assert.Equal(contact ?? DemoUsers.Provider, mail.ToAddress);

        using var provider = NewClient();
        await provider.SignInAsync(DemoUsers.Provider);
        var queue = await provider.GetPageAsync("/provider/corrections");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains(what, queue.Text);
        Assert.Contains("reply at reader@example.com", queue.Text);
        var resolveForm = queue.Document.QuerySelectorAll("form[action*='handler=resolve']").Single(f => f.InnerHtml.Contains(stored.Id.ToString()));
        resolveForm.SetAttribute("data-test", "this");

        var noNote = await PortalClient.Page.ReadAsync(await provider.SubmitAsync(queue, new Dictionary<string, string> { ["Note"] = "" }, "form[data-test=this]"));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.Status);
        Assert.Contains("Say what you did", noNote.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal(CorrectionStatus.Open, await Portal.WithDbAsync(db => db.ProviderCorrections.Where(c => c.Id == stored.Id).Select(c => c.Status).SingleAsync(Ct)));

        var done = await provider.SubmitAsync(queue, new Dictionary<string, string> { ["Note"] = "Phone number updated" }, "form[data-test=this]");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await provider.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Correction marked resolved", after.Text);
        Assert.Contains("Phone number updated", after.Document.QuerySelector("main table")!.TextContent);
        var resolved = await Portal.WithDbAsync(db => db.ProviderCorrections.SingleAsync(c => c.Id == stored.Id, Ct));
        Assert.Equal((CorrectionStatus.Resolved, "Phone number updated"), (resolved.Status, resolved.ResolutionNote));

        // Resolving it again from the stale page is refused.
        var stale = await provider.SubmitAsync(queue, new Dictionary<string, string> { ["Note"] = "Again" }, "form[data-test=this]");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Another_providers_correction_cannot_be_seen_or_resolved()
    {
        var climbing = await ProviderAsync("Ardbrae Climbing Wall");
        var correction = new ProviderCorrection { ProviderId = climbing, WhatIsWrong = $"Closed on Sundays {Guid.NewGuid():N}", CreatedAt = Portal.Clock.GetUtcNow() };
        await Portal.WithDbAsync(async db => { db.ProviderCorrections.Add(correction); await db.SaveChangesAsync(Ct); });

        using var provider = NewClient();
        await provider.SignInAsync(DemoUsers.Provider); // Bright Steps Care
        var queue = await provider.GetPageAsync("/provider/corrections");
        Assert.DoesNotContain(correction.WhatIsWrong, queue.Text);
        var token = queue.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await provider.Http.PostAsync("/provider/corrections?handler=resolve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["CorrectionId"] = correction.Id.ToString(), ["CorrectionVersion"] = "0", ["Note"] = "Not mine",
        }), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(CorrectionStatus.Open, await Portal.WithDbAsync(db => db.ProviderCorrections.Where(c => c.Id == correction.Id).Select(c => c.Status).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_practitioner_sees_each_providers_passport_in_results_and_its_dates_on_the_profile()
    {
        var morag = await ProviderAsync("Morag Campbell");
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var results = await practitioner.GetPageAsync("/directory?kind=PersonalAssistant");
        var row = results.Document.QuerySelectorAll(".ds_search-result").Single(r => r.TextContent.Contains("Morag Campbell"));
        Assert.Contains("Passport", row.TextContent);
        Assert.Contains("PVG scheme membership: verified", row.TextContent);
        var profile = await practitioner.GetPageAsync($"/directory/{morag}");
        Assert.Contains("Expires", profile.Document.QuerySelector("main table thead")!.TextContent);

        using var anonymous = NewClient();
        var publicResults = await anonymous.GetPageAsync("/directory?kind=PersonalAssistant");
        Assert.DoesNotContain("PVG scheme membership: verified", publicResults.Text);
        Assert.DoesNotContain("Expires", (await anonymous.GetPageAsync($"/directory/{morag}")).Document.QuerySelector("main table thead")!.TextContent);
    }
}

public sealed class CorrectionOnSqlite(SqlitePortal p) : CorrectionTests(p);

public sealed class CorrectionOnPostgres(PostgresPortal p) : CorrectionTests(p);
