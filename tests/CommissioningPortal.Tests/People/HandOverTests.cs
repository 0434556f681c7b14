using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static CommissioningPortal.Tests.People.PersonJourney;

namespace CommissioningPortal.Tests.People;

/// <summary>
/// Re-allocating a person (issue 17 item 1): the allocated practitioner hands them to a colleague, who from then
/// on reads the record in their place; the reason is kept and shown; a bad hand-over is refused by field with nothing changed.
/// </summary>
public abstract class HandOverTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task A_practitioner_hands_a_person_to_a_colleague_who_then_reads_the_record_instead()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var colleague = await GlenmorePractitionerAsync(Portal, tag);
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var name = $"Calum Shaw {tag}";
        var personId = await MakePersonAsync(practitioner, name);

        var page = await practitioner.GetPageAsync($"/people/{personId}/hand-over");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var colleagueId = page.Document.QuerySelectorAll("#PractitionerUserId option").Single(o => o.TextContent.Contains(tag)).GetAttribute("value")!;

        // Nobody chosen and no reason: both named, what was typed kept, nothing changed.
        var refused = await practitioner.SubmitAsync(page, new Dictionary<string, string> { ["PractitionerUserId"] = "", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await PortalClient.Page.ReadAsync(refused);
        Assert.Contains("Choose the practitioner to hand the person to", again.Document.QuerySelector("#PractitionerUserId-error")!.TextContent);
        Assert.Contains("Say why the person is being handed over", again.Document.QuerySelector("#Reason-error")!.TextContent);
        // A user who is not one of the authority's practitioners (a made-up id) is refused too.
        var stranger = await practitioner.SubmitAsync(again, new Dictionary<string, string> { ["PractitionerUserId"] = Guid.NewGuid().ToString(), ["Reason"] = "Leave" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("Choose one of your authority's practitioners", (await PortalClient.Page.ReadAsync(stranger)).Document.QuerySelector("#PractitionerUserId-error")!.TextContent);
        Assert.Equal(DemoUsers.GlenmorePractitioner, await AllocatedEmailAsync(personId));

        var form = await practitioner.GetPageAsync($"/people/{personId}/hand-over");
        var done = await practitioner.SubmitAsync(form, new Dictionary<string, string> { ["PractitionerUserId"] = colleagueId, ["Reason"] = "I am on leave until March." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(colleague, await AllocatedEmailAsync(personId));

        // The old practitioner no longer reads the record; the new one does, sees why, and was e-mailed.
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetPageAsync($"/people/{personId}")).Status);
        Assert.DoesNotContain(name, (await practitioner.GetPageAsync("/people")).Text);
        using var next = NewClient();
        await next.SignInAsync(colleague);
        Assert.Contains(name, (await next.GetPageAsync("/people")).Text);
        var record = await next.GetPageAsync($"/people/{personId}");
        Assert.Contains("I am on leave until March.", record.Document.QuerySelector("#allocated-practitioner")!.TextContent);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == colleague && m.Kind == "person-handed-over", Ct)));
    }

    private Task<string?> AllocatedEmailAsync(Guid personId) => Portal.WithDbAsync(db =>
        db.SupportedPeople.Where(p => p.Id == personId).Join(db.Users, p => p.AllocatedPractitionerUserId, u => u.Id, (p, u) => u.Email).SingleAsync(Ct));
}

public sealed class HandOverOnSqlite(PersonsSqlitePortal portal) : HandOverTests(portal), IClassFixture<PersonsSqlitePortal>;
