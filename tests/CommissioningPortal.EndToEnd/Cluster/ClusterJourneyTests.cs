using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Cluster;

/// <summary>
/// Issue 20: a person signed in through nginx works across both nodes (a cookie and an antiforgery token made by
/// one node are good on the other), one node is killed mid-journey, and the journey completes on the other with
/// nothing lost. Axe runs on every page, as everywhere.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterJourneyTests(BrowserFixture fixture, ClusterRig rig) : BrowserTest(fixture), IClassFixture<ClusterRig>
{
    protected override string BaseUrl => rig.Url.ToString().TrimEnd('/');

    private readonly List<(string Method, string Path, string Upstream)> _served = [];

    /// <summary>The node that answered (nginx names it; after a refused connection it names both, the answering one last).</summary>
    private string Node(string upstream) => upstream.Split(',').Last().Trim();

    [Fact]
    public async Task A_signed_in_journey_uses_both_nodes_and_completes_on_one_when_the_other_is_killed()
    {
        Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType != "document") return;
            lock (_served) _served.Add((response.Request.Method, new Uri(response.Url).PathAndQuery, response.Headers.GetValueOrDefault("x-upstream") ?? ""));
        };

        await SignInAsync(DemoUsers.Person);
        await VisitAsync("/directory");
        // Four providers not yet on the person's shortlist: their ids (the form's data-provider) and names.
        var providers = new List<(string Id, string Name)>();
        foreach (var form in await Page.Locator("form.portal-shortlist[action*='handler=add']").AllAsync())
        {
            var id = await form.GetAttributeAsync("data-provider") ?? "";
            if (providers.Any(p => p.Id == id)) continue;
            providers.Add((id, (await form.Locator("button .visually-hidden").InnerTextAsync()).TrimStart(':', ' ').Trim()));
            if (providers.Count == 4) break;
        }
        Assert.Equal(4, providers.Count);

        foreach (var provider in providers.Take(2)) await ShortlistAsync(provider.Id);
        List<string> before;
        lock (_served) before = _served.Select(s => Node(s.Upstream)).Distinct().ToList();
        Assert.Contains(rig.NodeA, before);
        Assert.Contains(rig.NodeB, before);

        rig.Kill("a");
        int killedAt;
        lock (_served) killedAt = _served.Count;

        foreach (var provider in providers.Skip(2)) await ShortlistAsync(provider.Id);
        await VisitAsync("/directory/shortlist");
        var shortlist = Page.Locator("main table");
        foreach (var provider in providers) await Assertions.Expect(shortlist).ToContainTextAsync(provider.Name);

        lock (_served)
        {
            var after = _served.Skip(killedAt).ToList();
            Assert.NotEmpty(after);
            Assert.All(after, s => Assert.Equal(rig.NodeB, Node(s.Upstream)));
            Assert.Contains(after, s => s.Method == "POST");
        }
    }

    /// <summary>Adds the provider to the shortlist from the directory (a POST with the antiforgery token), then sees it saved.</summary>
    private async Task ShortlistAsync(string providerId)
    {
        await VisitAsync("/directory");
        await Page.Locator($"form.portal-shortlist[data-provider='{providerId}'] button").First.ClickAsync();
        await Page.WaitForLoadStateAsync();
        await CheckAccessibilityAsync();
        await VisitAsync("/directory");
        await Assertions.Expect(Page.Locator($"form.portal-shortlist[data-provider='{providerId}'] button").First).ToContainTextAsync("Remove from shortlist");
    }
}
