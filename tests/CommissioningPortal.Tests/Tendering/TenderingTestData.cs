using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Frameworks;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommissioningPortal.Tests.Tendering;

/// <summary>A tender of a new authority with two commissioners and a questionnaire, made straight in the database, each test its own.</summary>
public static class TenderingTestData
{
    public sealed record TestTender(FrameworkTestData.TestAuthority Authority, string SecondCommissionerEmail, Guid OpportunityId, Guid Written, Guid PassFail,
        Guid Insurance, Guid ShortOnly, Guid Price, Guid Document);

    /// <summary>
    /// A published tender worth £200,000 (short form below £250,000) with: a written question (word limit 10, on the short form), a pass/fail
    /// question, an insurance question answered by the passport (public liability, on the short form), a price line and a required
    /// method statement (not on the short form).
    /// </summary>
    public static async Task<TestTender> NewTenderAsync(this PortalFactory portal, string word)
    {
        var authority = await portal.NewAuthorityAsync();
        var second = await portal.NewCommissionerAsync(authority.Id, authority.Code);
        var now = portal.Clock.GetUtcNow();
        return await portal.WithDbAsync(async db =>
        {
            var tender = Opportunity.CreateDraft(authority.Id, new OpportunityDetails
            {
                Kind = OpportunityKind.OpenTender, Title = $"Tender {word}", Summary = "Support at home.", SubmissionDeadline = now.AddDays(20),
                ClarificationDeadline = now.AddDays(10), EstimatedValuePence = 200_000_00, QualityWeight = 60, PriceWeight = 30, FairWorkWeight = 10,
            }, now, "Test");
            var lot = tender.AddLot("North", null, null);
            tender.Publish(now, "Test");
            db.Opportunities.Add(tender);
            var q = Questionnaire.For(tender.Id, authority.Id);
            q.SetShortFormThreshold(250_000_00);
            var section = q.AddSection("Quality");
            var written = q.AddQuestion(section.Id, QuestionKind.Scored, "How will you plan support with each person?", "Say who is involved.", 10, 40, 4, null, true);
            var passFail = q.AddQuestion(section.Id, QuestionKind.PassFail, "Do you pay at least the Real Living Wage?", null, null, 0, 0, null, false);
            var insurance = q.AddQuestion(section.Id, QuestionKind.PassFail, "Do you hold public liability insurance?", null, null, 0, 0, PassportItemKind.PublicLiability, true);
            var shortOnly = passFail;
            var price = q.AddPriceLine(lot.Id, "Daytime support", PriceUnit.PerHour);
            var document = q.AddDocument("Method statement", null, false);
            db.Questionnaires.Add(q);
            await db.SaveChangesAsync();
            return new TestTender(authority, second, tender.Id, written.Id, passFail.Id, insurance.Id, shortOnly.Id, price.Id, document.Id);
        });
    }

    public static async Task<string> NewCommissionerAsync(this PortalFactory portal, Guid authorityId, string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"second-{Guid.NewGuid():N}@{code}.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Second Commissioner", AuthorityId = authorityId, CreatedAt = portal.Clock.GetUtcNow() };
        await users.CreateAsync(user, DemoUsers.Password);
        await users.AddToRoleAsync(user, Roles.Commissioner);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoUsers.AuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
        return email;
    }

    /// <summary>A verified public liability item on the provider's passport.</summary>
    public static Task AddVerifiedInsuranceAsync(this PortalFactory portal, Guid providerId) => portal.WithDbAsync(async db =>
    {
        var item = new PassportItem { ProviderId = providerId, Kind = PassportItemKind.PublicLiability, Number = "PL-TEST-1", CreatedAt = portal.Clock.GetUtcNow() };
        item.Verify("Test verifier", portal.Clock.GetUtcNow());
        db.PassportItems.Add(item);
        await db.SaveChangesAsync();
    });

    /// <summary>Moves the tender's deadline (the shared fake clock is not moved: other classes use it).</summary>
    public static Task SetDeadlineAsync(this PortalFactory portal, Guid opportunityId, DateTimeOffset deadline) => portal.WithDbAsync(async db =>
    {
        var o = await db.Opportunities.SingleAsync(x => x.Id == opportunityId);
        db.Entry(o).Property(x => x.SubmissionDeadline).CurrentValue = deadline;
        db.Entry(o).Property(x => x.ClarificationDeadline).CurrentValue = null;
        await db.SaveChangesAsync();
    });

    public static Task<List<(string Subject, string Body)>> MailAsync(this PortalFactory portal, string to, string kind) => portal.WithDbAsync(async db =>
        (await db.OutboxMessages.Where(m => m.ToAddress == to && m.Kind == kind).ToListAsync()).Select(m => (m.Subject, m.TextBody)).ToList());

    public static async Task<(string Email, Guid ProviderId)> NewProviderAsync(this PortalFactory portal, ProviderKind kind, string name)
    {
        var (email, providerId) = await portal.CreateProviderUserAsync(kind, name);
        return (email, providerId!.Value);
    }
}
