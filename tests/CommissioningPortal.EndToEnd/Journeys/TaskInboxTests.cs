using CommissioningPortal.Data;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.EndToEnd.Infrastructure;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Xunit;

namespace CommissioningPortal.EndToEnd.Journeys;

/// <summary>A tender closes when the (fake) clock passes its closing date; the commissioner does the task in the browser.</summary>
public sealed class TaskInboxTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Its own portal: moving the clock three days would sign out people in other tests.
    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite);

    protected override PortalFactory Portal
    {
        get
        {
            _portal.EnsureStarted();
            return _portal;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Commissioner_completes_the_task_a_closing_tender_creates()
    {
        var portal = Portal;
        var title = $"Care at home {Guid.NewGuid():N}"[..20];
        Guid id;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", TestContext.Current.CancellationToken);
            var actor = new WorkflowActor("Fiona MacLeod", [Roles.Commissioner]);
            id = (await runtime.StartAsync("tender", title, glenmore.Id,
                new Dictionary<string, object?> { ["closingDate"] = portal.Clock.GetUtcNow().AddDays(3) }, actor, ct: TestContext.Current.CancellationToken)).Id;
            await runtime.FireAsync(id, "publish", actor, ct: TestContext.Current.CancellationToken);
        }

        var timers = portal.Services.GetRequiredService<WorkflowTimerDispatcher>();
        await timers.FireDueAsync(CancellationToken.None);
        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/tasks");
        await Assertions.Expect(Page.GetByText(title)).ToHaveCountAsync(0);

        // Sign-in cookies live on the same clock: moving it three days on signs people out.
        portal.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(5));
        await timers.FireDueAsync(CancellationToken.None);

        await SignInAsync(DemoUsers.GlenmoreCommissioner);
        await VisitAsync("/tasks");
        var row = Page.Locator("tbody tr", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("Open the sealed responses");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done: Open the sealed responses");

        var blocked = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") blocked.Add(message.Text);
        };
        await VisitAsync($"/processes/{id}");
        await Assertions.Expect(Page.GetByText("Now: Sealed responses opened")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("tbody tr")).ToHaveCountAsync(3);

        // The diagram is drawn in the browser, with the current stage (the fifth, "opened") highlighted.
        var diagram = Page.Locator(".portal-diagram__source--drawn svg");
        await Assertions.Expect(diagram).ToBeVisibleAsync();
        await Assertions.Expect(diagram.Locator("g.current")).ToHaveCountAsync(1);
        await Assertions.Expect(diagram.Locator("g.current")).ToContainTextAsync("Sealed responses opened");
        await CheckAccessibilityAsync(); // again, now that the SVG is in the page
        Assert.True(blocked.Count == 0, string.Join("\n", blocked));

        await VisitAsync("/processes");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open tender" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".portal-diagram__source--drawn svg")).ToBeVisibleAsync();
        await CheckAccessibilityAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Open tender");
        Assert.True(blocked.Count == 0, string.Join("\n", blocked));
    }
}
