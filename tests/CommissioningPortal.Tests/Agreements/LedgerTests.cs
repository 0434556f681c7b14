using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Agreements;

/// <summary>The ISF ledger over HTTP, on a portal of its own so its clock can move weeks on.</summary>
public sealed class LedgerTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _portal.DisposeAsync();

    private async Task<PortalClient> AsAsync(string email)
    {
        var client = new PortalClient(_portal);
        await client.SignInAsync(email);
        return client;
    }

    private async Task<Guid> AuthorisedAgreementAsync(decimal weekly, int intervalWeeks = 4, string? carryOverWeeks = null)
    {
        var provider = await _portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var form = AgreementFlowTests.Form("Jamie Reid", provider, weekly);
        if (carryOverWeeks is not null) form["Terms.CarryOverWeeks"] = carryOverWeeks;
        form["Terms.PaymentIntervalWeeks"] = intervalWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime);
        form["Terms.StartDate"] = today.ToString("yyyy-MM-dd");
        form["Terms.ReviewDate"] = today.AddYears(1).ToString("yyyy-MM-dd");
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var offered = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form);
        var id = Guid.Parse(offered.Headers.Location!.OriginalString.Split('/')[^1]);
        await AcceptByAllAsync(id);
        return id;
    }

    private async Task AcceptByAllAsync(Guid id, int version = 1)
    {
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner })
        {
            using var client = await AsAsync(party);
            await AgreementFlowTests.AcceptAsync(client, id, version);
        }
    }

    private async Task PostDeliveryAsync(Guid id, decimal hours, string narrative)
    {
        using var provider = await AsAsync(DemoUsers.Provider);
        var page = await provider.GetPageAsync($"/agreements/{id}/ledger");
        var response = await provider.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Kind"] = "Delivery", ["Date"] = DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"),
            ["Hours"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture), ["HourlyRate"] = "20", ["Narrative"] = narrative,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Delivery_posted_by_the_provider_adds_up_and_the_person_sees_a_plain_statement()
    {
        var id = await AuthorisedAgreementAsync(100m); // £400 planned per four weeks
        await PostDeliveryAsync(id, 10, "Swimming and lunch");

        using var person = await AsAsync(DemoUsers.Person);
        var ledger = await person.GetPageAsync($"/agreements/{id}/ledger");
        Assert.Equal("£200.00", ledger.Document.QuerySelector("#ledger-balance")!.TextContent.Trim()); // £400 planned − £200 spent so far
        Assert.Contains("spent £200.00", ledger.Document.QuerySelector("#plain-statement")!.TextContent);
        Assert.Null(ledger.Document.QuerySelector("form[action$='/ledger']")); // the person reads; the provider posts

        var csv = await (await person.GetAsync($"/agreements/{id}/ledger/export")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Swimming and lunch", csv);
    }

    [Theory]
    [InlineData("0", "£400.00", "goes back to the authority at the end of the period")] // nothing carried
    [InlineData("", "£760.00", "carried forward to the next period")] // no limit: saving up, all £360 carried
    public async Task Carry_over_is_a_term_of_each_agreement_and_the_ledger_follows_it(string weeks, string balanceInPeriod2, string said)
    {
        var id = await AuthorisedAgreementAsync(100m, carryOverWeeks: weeks); // £400 planned per four weeks
        await PostDeliveryAsync(id, 2, "A short visit"); // £40 spent, £360 unspent
        _portal.Clock.Advance(TimeSpan.FromDays(28));

        using var person = await AsAsync(DemoUsers.Person);
        var ledger = await person.GetPageAsync($"/agreements/{id}/ledger");
        Assert.Equal(balanceInPeriod2, ledger.Document.QuerySelector("#ledger-balance")!.TextContent.Trim());
        Assert.Contains(said, ledger.Text);
    }

    [Fact]
    public async Task A_new_agreement_starts_with_the_authoritys_carry_over()
    {
        Task SetAsync(int? weeks) => _portal.WithDbAsync(db => db.Authorities.Where(a => a.Code == "glenmore").ExecuteUpdateAsync(u => u.SetProperty(a => a.DefaultCarryOverWeeks, weeks), Ct));
        await SetAsync(2);
        try
        {
            using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
            Assert.Equal("2", (await practitioner.GetPageAsync("/agreements/new")).Document.QuerySelector("#Terms_CarryOverWeeks")!.GetAttribute("value"));
        }
        finally
        {
            await SetAsync(4); // the other tests here offer with the form's own value
        }
    }

    [Fact]
    public async Task A_carry_over_beyond_a_year_is_refused_on_its_field_and_nothing_is_offered()
    {
        var provider = await _portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var form = AgreementFlowTests.Form("Jamie Reid", provider, 100m);
        form["Terms.CarryOverWeeks"] = "60";
        var before = await _portal.WithDbAsync(db => db.IsfAgreements.CountAsync(Ct));
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var refused = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Carry-over must be a whole number of weeks from 0 to 52", refused.Document.QuerySelector("#Terms_CarryOverWeeks-error")?.TextContent ?? refused.Text);
        Assert.Equal("60", refused.Document.QuerySelector("#Terms_CarryOverWeeks")!.GetAttribute("value"));
        Assert.Equal(before, await _portal.WithDbAsync(db => db.IsfAgreements.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_bad_entry_names_the_field_keeps_the_words_and_posts_nothing()
    {
        var id = await AuthorisedAgreementAsync(100m);
        using var provider = await AsAsync(DemoUsers.Provider);
        var page = await provider.GetPageAsync($"/agreements/{id}/ledger");
        var refused = await PortalClient.Page.ReadAsync(await provider.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Kind"] = "Delivery", ["Date"] = "2020-01-01", ["Hours"] = "0", ["HourlyRate"] = "20", ["Narrative"] = "Cinema trip",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("before the agreement starts", refused.Document.QuerySelector("#Date-error")!.TextContent);
        Assert.Equal("Cinema trip", refused.Document.QuerySelector("#Narrative")!.TextContent);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Recurring_underspend_gives_the_practitioner_a_review_task_once()
    {
        var id = await AuthorisedAgreementAsync(100m);
        for (var period = 1; period <= 4; period++)
        {
            await PostDeliveryAsync(id, 2, $"A short visit in period {period}"); // £40 of £400: far under plan
            _portal.Clock.Advance(TimeSpan.FromDays(28));
        }
        await PostDeliveryAsync(id, 2, "Another short visit");

        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var inbox = await practitioner.GetPageAsync("/tasks");
        var tasks = inbox.Document.QuerySelectorAll("tbody tr").Where(r => r.TextContent.Contains("Review spending with Jamie Reid")).ToList();
        var task = Assert.Single(tasks);
        Assert.Contains("under", task.TextContent);
        Assert.Contains("Ask whether the support still fits", task.TextContent); // a question about the support, not a claw-back
    }

    private async Task<PortalClient.Page> PostAsync(string email, Guid id, Dictionary<string, string> fields)
    {
        using var client = await AsAsync(email);
        var page = await client.GetPageAsync($"/agreements/{id}/ledger");
        fields.TryAdd("Date", DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"));
        return await PortalClient.Page.ReadAsync(await client.SubmitAsync(page, fields));
    }

    private Task<int> EntriesAsync() => _portal.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct));

    [Fact]
    public async Task Amounts_and_hours_beyond_sensible_limits_are_refused_naming_the_limit()
    {
        var id = await AuthorisedAgreementAsync(100m);
        var before = await EntriesAsync();

        var topUp = await PostAsync(DemoUsers.GlenmoreCommissioner, id, new() { ["Kind"] = "TopUp", ["Amount"] = "79228162514264337593543950335", ["Narrative"] = "Top-up" });
        Assert.Equal(HttpStatusCode.BadRequest, topUp.Status);
        Assert.Contains("100,000", topUp.Document.QuerySelector("#Amount-error")?.TextContent ?? "");

        var hours = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Delivery", ["Hours"] = "10000000000000000000000000000", ["HourlyRate"] = "20", ["Narrative"] = "Support" });
        Assert.Equal(HttpStatusCode.BadRequest, hours.Status);
        Assert.NotNull(hours.Document.QuerySelector("#Hours-error"));
        Assert.Equal(before, await EntriesAsync());
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("2e1")]
    public async Task Ambiguous_hours_are_refused_showing_the_expected_form(string typed)
    {
        var id = await AuthorisedAgreementAsync(100m);
        var before = await EntriesAsync();
        var refused = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Delivery", ["Hours"] = typed, ["HourlyRate"] = "20", ["Narrative"] = "Support" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("like 1.5", refused.Document.QuerySelector("#Hours-error")?.TextContent ?? "");
        Assert.Equal(typed, refused.ValueOf("Hours"));
        Assert.Equal(before, await EntriesAsync());
    }

    [Fact]
    public async Task A_nul_in_the_narrative_gets_a_field_message()
    {
        var id = await AuthorisedAgreementAsync(100m);
        var refused = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Amount"] = "12.50", ["Narrative"] = "Cinema\0trip" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("character", refused.Document.QuerySelector("#Narrative-error")?.TextContent ?? "");
    }

    [Fact]
    public async Task Every_mistake_is_shown_at_once()
    {
        var id = await AuthorisedAgreementAsync(100m);
        var refused = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Delivery", ["Hours"] = "0", ["HourlyRate"] = "-3", ["Narrative"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#Hours-error"));
        Assert.NotNull(refused.Document.QuerySelector("#HourlyRate-error"));
        Assert.NotNull(refused.Document.QuerySelector("#Narrative-error"));
    }

    private DateOnly Today => DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The periods table: each row's period and planned amount.</summary>
    private static List<(string Period, string Planned)> Periods(PortalClient.Page ledger) =>
        ledger.Document.QuerySelectorAll("#periods tbody tr")
            .Select(r => (r.Children[0].TextContent.Replace(" (so far)", "").Trim(), r.Children[2].TextContent.Trim())).ToList();

    [Fact]
    public async Task A_fortnightly_schedule_gives_fortnightly_ledger_periods()
    {
        var id = await AuthorisedAgreementAsync(100m, intervalWeeks: 2);
        var start = Today;
        _portal.Clock.Advance(TimeSpan.FromDays(15));

        using var person = await AsAsync(DemoUsers.Person);
        var ledger = await person.GetPageAsync($"/agreements/{id}/ledger");

        Assert.Equal(
        [
            ($"2 weeks from {Domain.Agreements.AgreementTerms.Date(start)}", "£200.00"),
            ($"2 weeks from {Domain.Agreements.AgreementTerms.Date(start.AddDays(14))}", "£200.00"),
        ], Periods(ledger));
        Assert.Contains("fortnightly", ledger.Document.QuerySelector("#periods caption")!.TextContent);
    }

    [Fact]
    public async Task A_correction_of_minus_five_pounds_posts_with_its_reason_and_shows_on_the_statement()
    {
        var id = await AuthorisedAgreementAsync(100m);
        var purchase = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Amount"] = "25.00", ["Narrative"] = "Swimming" });
        Assert.Equal(HttpStatusCode.Redirect, purchase.Status);

        var noReason = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Correction", ["Amount"] = "-5.00", ["Narrative"] = "Swimming was a child's ticket" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("Say why the correction is needed", noReason.Document.QuerySelector("#Reason-error")?.TextContent ?? "");
        Assert.Equal("-5.00", noReason.ValueOf("Amount"));
        Assert.Equal("Swimming was a child's ticket", noReason.ValueOf("Narrative"));

        // From the entry's own "Correct" link: the form starts as a correction of it, on its date.
        using var provider = await AsAsync(DemoUsers.Provider);
        var withLink = await provider.GetPageAsync($"/agreements/{id}/ledger");
        var correct = withLink.Document.QuerySelectorAll("#entries tbody tr").Single(r => r.TextContent.Contains("Swimming")).QuerySelector("a[href*='correct=']")!.GetAttribute("href")!;
        var form = await provider.GetPageAsync(correct);
        Assert.Equal("checked", form.Document.QuerySelector("#Kind-Correction")!.GetAttribute("checked"));
        Assert.StartsWith("Correction to the purchase of", form.ValueOf("Narrative"));
        var posted = await provider.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Amount"] = "-5.00", ["Narrative"] = "Swimming was a child's ticket", ["Reason"] = "Posted the adult price by mistake",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        using var person = await AsAsync(DemoUsers.Person);
        var ledger = await person.GetPageAsync($"/agreements/{id}/ledger");
        Assert.Equal("£380.00", ledger.Document.QuerySelector("#ledger-balance")!.TextContent.Trim()); // £400 − £25 + £5
        var row = ledger.Document.QuerySelectorAll("#entries tbody tr").Single(r => r.TextContent.Contains("child's ticket"));
        Assert.Contains("£5.00", row.TextContent);
        Assert.Contains("Posted the adult price by mistake", row.TextContent);
        var csv = await (await person.GetAsync($"/agreements/{id}/ledger/export")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Posted the adult price by mistake", csv);
    }

    [Fact]
    public async Task A_reversed_entry_stays_on_the_statement_beside_its_reversal_and_cannot_be_reversed_twice()
    {
        var id = await AuthorisedAgreementAsync(100m);
        await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Amount"] = "60.00", ["Narrative"] = "Gym pass" });
        var entryId = await _portal.WithDbAsync(db => db.LedgerEntries.Where(e => e.Narrative == "Gym pass").Select(e => e.Id).SingleAsync(Ct));

        using var provider = await AsAsync(DemoUsers.Provider);
        var ledger = await provider.GetPageAsync($"/agreements/{id}/ledger");
        var link = ledger.Document.QuerySelector($"#entry-{entryId} a[href$='/reverse']")!.GetAttribute("href")!;
        var form = await provider.GetPageAsync(link);
        var refused = await PortalClient.Page.ReadAsync(await provider.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Say why", refused.Document.QuerySelector("#Reason-error")?.TextContent ?? "");

        var done = await provider.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Bought on another person's card" }, follow: true);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        using var person = await AsAsync(DemoUsers.Person);
        var statement = await person.GetPageAsync($"/agreements/{id}/ledger");
        Assert.Equal("£400.00", statement.Document.QuerySelector("#ledger-balance")!.TextContent.Trim());
        var original = statement.Document.QuerySelector($"#entry-{entryId}")!;
        Assert.Contains("Reversed", original.TextContent);
        var reversalId = await _portal.WithDbAsync(db => db.LedgerEntries.Where(e => e.ReversesId == entryId).Select(e => e.Id).SingleAsync(Ct));
        Assert.NotNull(original.QuerySelector($"a[href='#entry-{reversalId}']"));
        var reversal = statement.Document.QuerySelector($"#entry-{reversalId}")!;
        Assert.Contains("Bought on another person's card", reversal.TextContent);
        Assert.NotNull(reversal.QuerySelector($"a[href='#entry-{entryId}']"));
        Assert.Equal(2, await _portal.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct))); // nothing deleted

        Assert.Null((await provider.GetPageAsync($"/agreements/{id}/ledger")).Document.QuerySelector($"#entry-{entryId} a[href$='/reverse']"));
        var again = await PortalClient.Page.ReadAsync(await provider.SubmitAsync(form, new Dictionary<string, string> { ["Reason"] = "Again" }));
        Assert.NotEqual(HttpStatusCode.OK, again.Status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.Status);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.LedgerEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_five_thousand_pound_purchase_on_a_small_isf_needs_a_reason_and_tells_the_practitioner_and_the_person()
    {
        var id = await AuthorisedAgreementAsync(93.75m);
        var before = await EntriesAsync();
        var warned = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Amount"] = "5000", ["Narrative"] = "New bed" });
        Assert.Equal(HttpStatusCode.BadRequest, warned.Status);
        var message = warned.Document.QuerySelector("#Reason-error")?.TextContent ?? "";
        Assert.Contains("below zero", message);
        Assert.Contains("-£4,625.00", message);
        Assert.Contains("15%", message);
        Assert.Equal("5000", warned.ValueOf("Amount"));
        Assert.Equal(before, await EntriesAsync());

        var posted = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Amount"] = "5000", ["Narrative"] = "New bed", ["Reason"] = "Agreed with the practitioner: the old bed broke" });
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(before + 1, await EntriesAsync());

        var mail = await _portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "ledger:warning").Select(m => new { m.ToAddress, m.TextBody }).ToListAsync(Ct));
        Assert.Contains(mail, m => m.ToAddress == DemoUsers.GlenmorePractitioner);
        Assert.Contains(mail, m => m.ToAddress == DemoUsers.Person);
        Assert.All(mail, m => Assert.Contains("the old bed broke", m.TextBody));
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var inbox = await practitioner.GetPageAsync("/tasks");
        Assert.Contains(inbox.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Check the ISF ledger with Jamie Reid") && r.TextContent.Contains("below zero"));
    }

    [Fact]
    public async Task Every_mistake_is_shown_at_once_even_before_the_kind_is_chosen()
    {
        var id = await AuthorisedAgreementAsync(100m);
        var refused = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "", ["Date"] = "soon", ["Amount"] = "1,5", ["Narrative"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        foreach (var field in new[] { "Kind", "Date", "Amount", "Narrative" })
        {
            Assert.NotNull(refused.Document.QuerySelector($"#{field}-error"));
        }
        Assert.Equal(4, refused.Document.QuerySelectorAll(".ds_error-summary li").Length);
        Assert.DoesNotContain("The field", refused.Text);
    }

    [Fact]
    public async Task After_a_variation_of_start_amount_and_schedule_the_ledger_plans_by_version_1_before_the_change_and_version_2_after()
    {
        var id = await AuthorisedAgreementAsync(100m); // four-weekly, £400 a period, from today
        var v1Start = Today;
        _portal.Clock.Advance(TimeSpan.FromDays(28));
        var changed = Today;

        using (var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner))
        {
            var vary = await practitioner.GetPageAsync($"/agreements/{id}/vary");
            var response = await practitioner.SubmitAsync(vary, new Dictionary<string, string>
            {
                ["Terms.StartDate"] = Day(v1Start.AddDays(-14)), ["Terms.WeeklyBudget"] = "150", ["Terms.PaymentIntervalWeeks"] = "2",
                ["Reason"] = "Support really began two weeks earlier, with more hours, paid fortnightly",
                ["Terms.StartDateReason"] = "Support began in an emergency before the agreement was written",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Offered but not yet in force: the ledger still plans by version 1.
        using var person = await AsAsync(DemoUsers.Person);
        Assert.Equal([($"4 weeks from {Domain.Agreements.AgreementTerms.Date(v1Start)}", "£400.00"), ($"4 weeks from {Domain.Agreements.AgreementTerms.Date(changed)}", "£400.00")],
            Periods(await person.GetPageAsync($"/agreements/{id}/ledger")));

        await AcceptByAllAsync(id, version: 2);
        var ledger = await person.GetPageAsync($"/agreements/{id}/ledger");
        Assert.Equal(
        [
            ($"2 weeks from {Domain.Agreements.AgreementTerms.Date(v1Start.AddDays(-14))}", "£300.00"), // days version 2 added before the old start
            ($"4 weeks from {Domain.Agreements.AgreementTerms.Date(v1Start)}", "£400.00"),               // version 1, as it applied then
            ($"2 weeks from {Domain.Agreements.AgreementTerms.Date(changed)}", "£300.00"),               // version 2 from the day it came into force
        ], Periods(ledger));

        // An entry before version 1's start but on or after version 2's is accepted.
        var early = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Date"] = Day(v1Start.AddDays(-7)), ["Amount"] = "20", ["Narrative"] = "Swimming, first week" });
        Assert.Equal(HttpStatusCode.Redirect, early.Status);
        var tooEarly = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Date"] = Day(v1Start.AddDays(-15)), ["Amount"] = "20", ["Narrative"] = "Before anything" });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.Status);
        Assert.Contains("before the agreement starts", tooEarly.Document.QuerySelector("#Date-error")!.TextContent);
    }

    [Fact]
    public async Task Once_notice_is_given_the_ledger_stops_on_the_last_day()
    {
        var id = await AuthorisedAgreementAsync(100m); // four weeks' notice
        var start = Today;
        using (var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner))
        {
            var page = await practitioner.GetPageAsync($"/agreements/{id}");
            var ended = await practitioner.SubmitAsync(page, new Dictionary<string, string> { ["EndReason"] = "Moving to another area" }, "#end-form");
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }
        var endsOn = start.AddDays(28);
        _portal.Clock.Advance(TimeSpan.FromDays(40));

        using var person = await AsAsync(DemoUsers.Person);
        var ledger = await person.GetPageAsync($"/agreements/{id}/ledger");
        Assert.Contains(Domain.Agreements.AgreementTerms.Date(endsOn), ledger.Document.QuerySelector("#ledger-ends")!.TextContent);
        Assert.Equal([($"4 weeks from {Domain.Agreements.AgreementTerms.Date(start)}", "£400.00"), ($"1 day from {Domain.Agreements.AgreementTerms.Date(endsOn)}", "£14.29")],
            Periods(ledger));
        var late = await PostAsync(DemoUsers.Provider, id, new() { ["Kind"] = "Purchase", ["Amount"] = "10", ["Narrative"] = "After the end" });
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.Contains("after the agreement ends", late.Document.QuerySelector("#Date-error")!.TextContent);
    }
}
