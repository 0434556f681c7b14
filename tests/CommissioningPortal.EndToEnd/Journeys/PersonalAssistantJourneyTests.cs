using System.Text.Json;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>
/// Issue 4's acceptance journey in one browser: a self-employed PA registers from scratch, uploads
/// PVG and insurance evidence and lists a service; a commissioner opens the evidence and verifies
/// both items; the PA then appears, verified, in the public directory and the Open Referral UK
/// feed — without their home address or phone number. Axe runs on every page.
/// </summary>
public sealed class PersonalAssistantJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_personal_assistant_registers_is_verified_and_is_then_found_in_the_directory_and_the_feed()
    {
        var journey = new ProviderOnboardingJourney(Page, Portal, path => VisitAsync(path), CheckAccessibilityAsync);
        var pa = await journey.RegisterPersonalAssistantAsync("Eilidh Munro", "Eilidh's support at home");

        // Not verified yet: not in the feed, and the directory says so.
        Assert.DoesNotContain(pa.ServiceName, await FeedAsync());

        // A commissioner (of any authority) opens the evidence and verifies both items.
        await Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        var evidence = await Context.APIRequest.GetAsync($"/evidence/{pa.PvgItemId}");
        Assert.Equal(200, evidence.Status);
        Assert.Equal("application/pdf", evidence.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await evidence.BodyAsync(), 0, 5));
        var verified = await VerificationSteps.VerifyAllAsync(Page, pa.Name, CheckAccessibilityAsync);
        Assert.Equal(2, verified);

        // The public directory finds the PA, verified, without their address or phone.
        await Context.ClearCookiesAsync();
        await VisitAsync($"/directory?q={Uri.EscapeDataString("Eilidh")}");
        var result = Page.Locator(".ds_search-result", new() { HasText = pa.ServiceName });
        await Assertions.Expect(result).ToContainTextAsync("Verified");
        await Assertions.Expect(result).Not.ToContainTextAsync("Not yet verified");
        await result.GetByRole(AriaRole.Link).First.ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync(pa.Name);
        var profile = await Page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("3 Harbour Row", profile);
        Assert.DoesNotContain("IV1 1AA", profile);
        Assert.DoesNotContain("07700 900123", profile);

        // And the Open Referral UK feed lists the service, again without the PA's home or phone.
        var feed = await FeedAsync();
        Assert.Contains(pa.ServiceName, feed);
        Assert.DoesNotContain("3 Harbour Row", feed);
        Assert.DoesNotContain("IV1 1AA", feed);
        Assert.DoesNotContain("07700 900123", feed);
        Assert.DoesNotContain(pa.Email, feed);
    }

    /// <summary>Every string value in the feed's first page, one per line (JSON escapes such as \u0027 undone).</summary>
    private async Task<string> FeedAsync()
    {
        var response = await Context.APIRequest.GetAsync("/api/openreferral/services?per_page=200");
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        var values = new List<string>();
        Collect(json.RootElement, values);
        return string.Join("\n", values);
    }

    private static void Collect(JsonElement element, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: values.Add(element.GetString()!); break;
            case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) Collect(item, values); break;
            case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) Collect(property.Value, values); break;
        }
    }
}
