using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Partnerships;

/// <summary>Forming, inviting and joining through the real pages, shared by the partnership tests.</summary>
public static class PartnershipSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Guid> FormAsync(PortalClient commissioner, string kind, string name, string purpose = "Better support for older people at home, designed with them.")
    {
        var page = await commissioner.GetPageAsync("/partnerships/new");
        var response = await commissioner.SubmitAsync(page, new Dictionary<string, string> { ["Kind"] = kind, ["Name"] = name, ["Purpose"] = purpose }, "form[action='/partnerships/new']");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {(await PortalClient.Page.ReadAsync(response)).Document.QuerySelector(".ds_error-summary")?.TextContent}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static async Task<HttpResponseMessage> PostAsync(PortalClient client, string pagePath, string formAction, IDictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(pagePath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await client.SubmitAsync(page, fields, $"form[action='{formAction}']");
    }

    /// <summary>Invites <paramref name="email"/>, then that person (signed in on <paramref name="invitee"/>) joins through the e-mailed link.</summary>
    public static async Task InviteAndJoinAsync(PortalFactory portal, PortalClient inviter, PortalClient invitee, Guid id, string name, string email, string role)
    {
        var invited = await PostAsync(inviter, $"/partnerships/{id}", $"/partnerships/{id}/invite", new Dictionary<string, string> { ["Name"] = name, ["Email"] = email, ["Role"] = role });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var token = await portal.WithDbAsync(db => db.PartnershipMembers.Where(m => m.PartnershipId == id && m.Email == email).Select(m => m.InvitationToken).SingleAsync(Ct));
        var bodies = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email && m.Kind == "partnership-invitation").Select(m => m.TextBody).ToListAsync(Ct));
        var link = bodies.SelectMany(b => b.Split('\n')).Select(l => l.Trim()).Single(l => l.EndsWith($"/partnerships/join/{token}", StringComparison.Ordinal));
        var path = new Uri(link).AbsolutePath;
        var joinPage = await invitee.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, joinPage.Status);
        var joined = await invitee.SubmitAsync(joinPage, new Dictionary<string, string>(), $"form[action='{path}']");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/partnerships/{id}", joined.Headers.Location!.OriginalString);
    }

    public static async Task<PortalClient> SignedInAsync(PortalFactory portal, string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }
}
