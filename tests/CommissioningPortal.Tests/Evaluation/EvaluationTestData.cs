using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Tests.Tendering;
using CommissioningPortal.Web.Features.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Evaluation;

/// <summary>A tender with its process running, two submitted bids, the deadline passed and the responses opened: ready for a panel.</summary>
public static class EvaluationTestData
{
    public static readonly byte[] Pdf = "%PDF-1.4\n% method statement\n%%EOF\n"u8.ToArray();

    public sealed record Bid(string Email, Guid ProviderId, Guid ResponseId, string Name);

    public sealed record OpenedTender(TenderingTestData.TestTender Tender, Guid Second, Bid Low, Bid High, string PanelEmail);

    /// <summary>
    /// Two bids: "Low" at <paramref name="lowPrice"/> per hour and "High" at <paramref name="highPrice"/>; a second scored quality question
    /// (weight 60, 0 to 4) and the written one; a lived-experience panel member of the authority. The tender's process (tender.v2) is started.
    /// </summary>
    public static async Task<OpenedTender> OpenedTenderAsync(this PortalFactory portal, string word, string lowPrice = "15.47", string highPrice = "24.63")
    {
        var tender = await portal.NewTenderAsync(word);
        var second = await portal.WithDbAsync(async db =>
        {
            var q = await db.Questionnaires.Include(x => x.Sections).Include(x => x.Questions).SingleAsync(x => x.OpportunityId == tender.OpportunityId);
            var added = q.AddQuestion(q.Sections[0].Id, QuestionKind.Scored, "How will you involve families in reviews?", null, 50, 60, 4, null, true);
            await db.SaveChangesAsync();
            return added.Id;
        });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var o = await db.Opportunities.SingleAsync(x => x.Id == tender.OpportunityId);
            await scope.ServiceProvider.GetRequiredService<OpportunityProcess>().StartAsync(o, new Web.Infrastructure.Actor(null, "Test", tender.Authority.Id, null, false), CancellationToken.None);
        }
        var low = await BidAsync(portal, tender, second, $"Low {word}", lowPrice, $"Low plan {word}");
        var high = await BidAsync(portal, tender, second, $"High {word}", highPrice, $"High plan {word}");
        await portal.SetDeadlineAsync(tender.OpportunityId, portal.Clock.GetUtcNow().AddSeconds(-1));
        foreach (var email in new[] { tender.Authority.CommissionerEmail, tender.SecondCommissionerEmail })
        {
            using var c = await portal.CommissionerAsync(email);
            var page = await c.GetPageAsync($"/tendering/{tender.OpportunityId}/responses");
            Assert.Equal(HttpStatusCode.Redirect, (await c.PostFormAsync(page, [], $"/tendering/{tender.OpportunityId}/responses?handler=open")).StatusCode);
        }
        var panel = await portal.NewPanelMemberAsync(tender.Authority.Id, tender.Authority.Code);
        return new OpenedTender(tender, second, low, high, panel);
    }

    public static async Task<PortalClient> CommissionerAsync(this PortalFactory portal, string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    public static async Task<string> NewPanelMemberAsync(this PortalFactory portal, Guid authorityId, string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"panel-{Guid.NewGuid():N}@{code}.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Morag Lived-Experience", AuthorityId = authorityId, CreatedAt = portal.Clock.GetUtcNow() };
        await users.CreateAsync(user, DemoUsers.Password);
        await users.AddToRoleAsync(user, Roles.PanelMember);
        return email;
    }

    private static async Task<Bid> BidAsync(PortalFactory portal, TenderingTestData.TestTender tender, Guid second, string name, string price, string plan)
    {
        var (email, providerId) = await portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, name);
        using var client = await portal.SignedInProviderAsync(email);
        var page = await client.GetPageAsync($"/tenders/{tender.OpportunityId}/respond");
        var token = page.Document.QuerySelector("main form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in new[]
                 {
                     ($"Answers[{tender.Written}]", plan), ($"Answers[{second}]", $"{plan} with families"), ($"Answers[{tender.PassFail}]", "yes"),
                     ($"Answers[{tender.Insurance}]", "yes"), ($"Prices[{tender.Price}]", price),
                 })
            content.Add(new StringContent(v), k);
        var part = new ByteArrayContent(Pdf);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(part, $"Document-{tender.Document}", "method.pdf");
        var submitted = await client.Http.PostAsync($"/tenders/{tender.OpportunityId}/respond?handler=submit", content);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var responseId = await portal.WithDbAsync(db => db.TenderResponses.Where(r => r.OpportunityId == tender.OpportunityId && r.ProviderId == providerId).Select(r => r.Id).SingleAsync());
        return new Bid(email, providerId, responseId, name);
    }
}
