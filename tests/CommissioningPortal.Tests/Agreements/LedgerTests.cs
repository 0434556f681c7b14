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

    private async Task<Guid> AuthorisedAgreementAsync(decimal weekly)
    {
        var provider = await _portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var form = AgreementFlowTests.Form("Jamie Reid", provider, weekly);
        var today = DateOnly.FromDateTime(_portal.Clock.GetUtcNow().UtcDateTime);
        form["Terms.StartDate"] = today.ToString("yyyy-MM-dd");
        form["Terms.ReviewDate"] = today.AddYears(1).ToString("yyyy-MM-dd");
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var offered = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form);
        var id = Guid.Parse(offered.Headers.Location!.OriginalString.Split('/')[^1]);
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner })
        {
            using var client = await AsAsync(party);
            await client.GetAsync($"/agreements/{id}/v1/offered"); // acceptance needs the PDF opened
            var page = await client.GetPageAsync($"/agreements/{id}");
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string> { ["Confirm"] = "true" }, "main form[method=post]")).StatusCode);
        }
        return id;
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
}
