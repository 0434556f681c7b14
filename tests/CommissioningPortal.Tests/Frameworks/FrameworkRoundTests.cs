using System.Net;
using System.Text;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Frameworks;

/// <summary>
/// Issue 16 parts 5 and 6 over HTTP: a live flexible framework re-opens; a new micro-provider is admitted to one
/// lot with its rate; a member's revised price applies from its date (the directory and call-offs read the old
/// rate the day before and the new one from that day, on a fake clock); a mini-competition among the lot's members
/// ends in a choice and a draft ISF agreement; bad input is a 400 naming the field with nothing saved; a provider
/// not invited to a mini-competition gets 404.
/// </summary>
public abstract class FrameworkRoundTests(PortalFactory portal) : PortalTestBase(portal)
{
    private DateOnly Today => DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd");

    private async Task<string> UserAsync(Guid? providerId, string role, Guid? authorityId = null, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..12]}@rounds.example";
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + role, ProviderId = providerId, AuthorityId = authorityId, CreatedAt = Portal.Clock.GetUtcNow() };
            Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoUsers.AuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        await users.AddToRoleAsync(user, role);
        return email;
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    private sealed record Setup(FrameworkTestData.TestAuthority Authority, Guid FrameworkId, Guid Lot1, Guid Lot2, Guid MemberA, FrameworkTestData.TestProvider A,
        FrameworkTestData.TestProvider B, FrameworkTestData.TestProvider Micro, FrameworkTestData.TestProvider Outsider, Guid PersonId, string Word);

    /// <summary>A live framework of two lots; A at £20.00 and B at £21.00 an hour on lot 1; a supported person's record.</summary>
    private async Task<Setup> SetUpAsync()
    {
        var authority = await Portal.NewAuthorityAsync();
        var word = "rd" + Guid.NewGuid().ToString("N")[..10];
        var a = await Portal.NewListedProviderAsync(word, "Alder Care");
        var b = await Portal.NewListedProviderAsync(word, "Birch Support");
        var micro = await Portal.NewListedProviderAsync(word, "Wee Micro");
        var outsider = await Portal.NewListedProviderAsync(word, "Cedar Outside");
        var now = Portal.Clock.GetUtcNow();
        var today = Today;
        var (frameworkId, lot1, lot2, memberA, personId) = await Portal.WithDbAsync(async db =>
        {
            var f = Framework.CreateDraft(authority.Id, "FLEX-" + word[..6], "Flexible care at home", null, today.AddDays(-30), null, now, "Test");
            var l1 = f.AddLot("Care at home", null, null, []);
            var l2 = f.AddLot("Short breaks", null, null, []);
            var ma = f.Admit(l1.Id, a.Id, a.Name, today.AddDays(-30), (2000, RateUnit.PerHour), now, "Test");
            f.Admit(l1.Id, b.Id, b.Name, today.AddDays(-30), (2100, RateUnit.PerHour), now, "Test");
            f.MakeLive(today.AddDays(-30), now);
            db.Frameworks.Add(f);
            var person = new SupportedPerson { AuthorityId = authority.Id, Name = "Jamie Round " + word, CreatedAt = now };
            db.SupportedPeople.Add(person);
            await db.SaveChangesAsync(Ct);
            return (f.Id, l1.Id, l2.Id, ma.Id, person.Id);
        });
        return new Setup(authority, frameworkId, lot1, lot2, memberA, a, b, micro, outsider, personId, word);
    }

    private Task<int> CountAsync<T>() where T : class => Portal.WithDbAsync(db => db.Set<T>().CountAsync(Ct));

    private async Task<string> ProfileFrameworksAsync(Guid providerId)
    {
        var page = await NewClient().GetPageAsync($"/directory/{providerId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Text;
    }

    [Fact]
    public async Task A_framework_reopens_admits_a_micro_provider_takes_a_revised_price_from_its_date_and_a_mini_competition_ends_in_a_draft_agreement()
    {
        var s = await SetUpAsync();
        await UserAsync(null, Roles.Practitioner, s.Authority.Id, s.Authority.CommissionerEmail); // one person may hold both roles
        using var commissioner = await SignedInAsync(s.Authority.CommissionerEmail);
        var fw = $"/frameworks/{s.FrameworkId}";

        // Re-open: a round for new entrants and revised prices.
        var rounds = await commissioner.GetPageAsync($"{fw}/rounds");
        Assert.Equal(HttpStatusCode.OK, rounds.Status);
        var refused = await commissioner.SubmitAsync(rounds, new Dictionary<string, string> { ["Title"] = "Spring re-opening", ["ClosesOn"] = D(Today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedText = await refused.Content.ReadAsStringAsync(Ct); Assert.True(refusedText.Contains("The closing date cannot be in the past"), refusedText.Length > 3000 ? refusedText[^3000..] : refusedText);
        Assert.Equal(0, await CountAsync<FrameworkRound>() - await Portal.WithDbAsync(db => db.FrameworkRounds.CountAsync(r => r.FrameworkId != s.FrameworkId, Ct)));
        var opened = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/rounds"),
            new Dictionary<string, string> { ["Title"] = "Spring re-opening", ["ClosesOn"] = D(Today.AddDays(14)) });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        // A new micro-provider admitted to lot 1 with its rate; a negative rate is refused by name, nothing saved.
        var members = await CountAsync<LotMember>();
        var admit = await commissioner.GetPageAsync($"{fw}/lots/{s.Lot1}/admit?q={s.Word}");
        var bad = await commissioner.SubmitAsync(admit, new Dictionary<string, string> { ["ProviderId"] = s.Micro.Id.ToString(), ["Rate"] = "-5", ["RateUnit"] = "PerHour" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await PortalClient.Page.ReadAsync(bad);
        Assert.Contains("The rate", badPage.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal(members, await CountAsync<LotMember>());
        var admitted = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/lots/{s.Lot1}/admit?q={s.Word}"),
            new Dictionary<string, string> { ["ProviderId"] = s.Micro.Id.ToString(), ["Rate"] = "19.50", ["RateUnit"] = "PerHour", ["EffectiveFrom"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        var micro = await Portal.WithDbAsync(db => db.LotMembers.Include(m => m.Rates).SingleAsync(m => m.ProviderId == s.Micro.Id, Ct));
        Assert.Equal(s.Lot1, micro.LotId);
        Assert.Equal("£19.50 per hour", micro.RateTextOn(Today));
        Assert.NotNull(micro.AdmittedInRoundId);

        // A's revised price from a week today: a past date and a zero rate are refused by name, nothing saved.
        var rates = await CountAsync<LotRate>();
        var pricePage = await commissioner.GetPageAsync($"{fw}/members/{s.MemberA}/price");
        Assert.Equal(HttpStatusCode.OK, pricePage.Status);
        var past = await commissioner.SubmitAsync(pricePage, new Dictionary<string, string> { ["Rate"] = "22.00", ["RateUnit"] = "PerHour", ["EffectiveFrom"] = D(Today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var pastPage = await PortalClient.Page.ReadAsync(past);
        Assert.Contains("cannot be in the past", pastPage.Document.GetElementById("EffectiveFrom-error")?.TextContent ?? pastPage.Text);
        Assert.Equal(D(Today.AddDays(-1)), pastPage.ValueOf("EffectiveFrom"));
        var zero = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/members/{s.MemberA}/price"),
            new Dictionary<string, string> { ["Rate"] = "0", ["RateUnit"] = "PerHour", ["EffectiveFrom"] = D(Today.AddDays(7)) });
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(rates, await CountAsync<LotRate>());
        var changeDay = Today.AddDays(7);
        var revised = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/members/{s.MemberA}/price"),
            new Dictionary<string, string> { ["Rate"] = "22.00", ["RateUnit"] = "PerHour", ["EffectiveFrom"] = D(changeDay) });
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        // B did not re-apply and stays admitted at their rate.
        var detail = await commissioner.GetPageAsync(fw);
        Assert.Contains("£21.00 per hour", detail.Text);
        Assert.Contains($"£22.00 per hour from {changeDay:d MMM yyyy}", detail.Text);

        // Call-offs read the rate of the start day: the day before the change is the old rate, the day itself the new one.
        async Task<CallOff> DirectAsync(DateOnly start)
        {
            var list = await commissioner.GetPageAsync($"{fw}/call-offs");
            var done = await commissioner.SubmitAsync(list, new Dictionary<string, string>
            {
                ["LotId"] = s.Lot1.ToString(), ["PersonId"] = s.PersonId.ToString(), ["PackageSummary"] = "Personal care mornings, 10 hours a week, east of the town.",
                ["HoursPerWeek"] = "10", ["StartOn"] = D(start), ["Method"] = "DirectAward", ["MemberId"] = s.MemberA.ToString(), ["Rule"] = "ContinuityOfCare",
                ["Reason"] = "Alder already supports the person at home.",
            });
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            return await Portal.WithDbAsync(db => db.CallOffs.OrderByDescending(c => c.Number).FirstAsync(c => c.FrameworkId == s.FrameworkId, Ct));
        }
        Assert.Equal("£20.00 per hour", (await DirectAsync(changeDay.AddDays(-1))).PriceText);
        Assert.Equal("£22.00 per hour", (await DirectAsync(changeDay)).PriceText);

        // A direct award with no reason: refused naming the reason, nothing saved.
        var callOffs = await CountAsync<CallOff>();
        var noReason = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/call-offs"), new Dictionary<string, string>
        {
            ["LotId"] = s.Lot1.ToString(), ["PersonId"] = s.PersonId.ToString(), ["PackageSummary"] = "Support at home.", ["StartOn"] = D(Today.AddDays(3)),
            ["Method"] = "DirectAward", ["MemberId"] = s.MemberA.ToString(), ["Rule"] = "Urgent", ["Reason"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await PortalClient.Page.ReadAsync(noReason)).Document.GetElementById("Reason-error"));
        Assert.Equal(callOffs, await CountAsync<CallOff>());

        // A mini-competition among lot 1's admitted members (A, B and the new micro-provider), starting after A's change.
        var mini = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/call-offs"), new Dictionary<string, string>
        {
            ["LotId"] = s.Lot1.ToString(), ["PersonId"] = s.PersonId.ToString(), ["PackageSummary"] = "Support to go swimming and see friends, 12 hours a week.",
            ["HoursPerWeek"] = "12", ["StartOn"] = D(changeDay.AddDays(3)), ["Method"] = "MiniCompetition", ["OffersDueOn"] = D(Today.AddDays(5)),
        });
        Assert.Equal(HttpStatusCode.Redirect, mini.StatusCode);
        var callOff = await Portal.WithDbAsync(db => db.CallOffs.OrderByDescending(c => c.Number).FirstAsync(c => c.FrameworkId == s.FrameworkId, Ct));
        Assert.Equal(new[] { s.A.Id, s.B.Id, s.Micro.Id }.Order(), callOff.InvitedProviderIds.Order());

        // The outsider (not on the lot) cannot see or offer: 404 by page and by post.
        using var outsider = await SignedInAsync(await UserAsync(s.Outsider.Id, Roles.ProviderUser));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/call-offs/{callOff.Id}")).StatusCode);
        // With a valid token (from the sign-out form of any page), so only the call-off's own rule can refuse it.
        var token = (await outsider.GetPageAsync("/")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsync($"/call-offs/{callOff.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Price"] = "10", ["PriceUnit"] = "PerHour", ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.CallOffOffers.CountAsync(o => o.CallOffId == callOff.Id, Ct)));

        // A reads the package without the person's name, and may offer up to their rate on the start date (the new one).
        using var alder = await SignedInAsync(await UserAsync(s.A.Id, Roles.ProviderUser));
        var offerPage = await alder.GetPageAsync($"/call-offs/{callOff.Id}");
        Assert.Equal(HttpStatusCode.OK, offerPage.Status);
        Assert.DoesNotContain("Jamie", offerPage.Html);
        Assert.Contains("£22.00 per hour", offerPage.Text);
        var tooDear = await alder.SubmitAsync(offerPage, new Dictionary<string, string> { ["Price"] = "22.50", ["PriceUnit"] = "PerHour" });
        Assert.Equal(HttpStatusCode.BadRequest, tooDear.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await alder.SubmitAsync(await alder.GetPageAsync($"/call-offs/{callOff.Id}"), new Dictionary<string, string> { ["Price"] = "21.80", ["PriceUnit"] = "PerHour" })).StatusCode);
        using var wee = await SignedInAsync(await UserAsync(s.Micro.Id, Roles.ProviderUser));
        Assert.Equal(HttpStatusCode.Redirect, (await wee.SubmitAsync(await wee.GetPageAsync($"/call-offs/{callOff.Id}"),
            new Dictionary<string, string> { ["Price"] = "19.50", ["PriceUnit"] = "PerHour", ["Note"] = "We can start the week before." })).StatusCode);

        // The commissioner chooses with reasons (none given: refused by name, still taking offers).
        var decide = await commissioner.GetPageAsync($"{fw}/call-offs/{callOff.Id}");
        var unreasoned = await commissioner.SubmitAsync(decide, new Dictionary<string, string> { ["ProviderId"] = s.Micro.Id.ToString(), ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, unreasoned.StatusCode);
        Assert.NotNull((await PortalClient.Page.ReadAsync(unreasoned)).Document.GetElementById("Reason-error"));
        Assert.Equal(CallOffStatus.InvitingOffers, (await Portal.WithDbAsync(db => db.CallOffs.SingleAsync(c => c.Id == callOff.Id, Ct))).Status);
        var chosen = await commissioner.SubmitAsync(await commissioner.GetPageAsync($"{fw}/call-offs/{callOff.Id}"),
            new Dictionary<string, string> { ["ProviderId"] = s.Micro.Id.ToString(), ["Reason"] = "Local staff the person already knows; can start early." });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        // The draft ISF agreement, through the agreement flow, for the chosen provider and the person.
        var draft = await commissioner.GetPageAsync($"/agreements/new?calloff={callOff.Id}");
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        var offered = await commissioner.SubmitAsync(draft, new Dictionary<string, string>
        {
            ["Terms.WeeklyBudget"] = "234", ["Terms.PersonContribution"] = "0", ["Terms.BudgetHolder"] = "Wee Micro, on the person's behalf", ["Terms.ManagementFee"] = "ConsolidatedRate",
            ["Terms.StartDate"] = D(changeDay.AddDays(3)), ["Terms.ReviewDate"] = D(changeDay.AddDays(3).AddMonths(6)), ["Terms.NoticeWeeks"] = "4",
            ["Terms.Outcomes"] = "Go swimming every week",
        });
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var done = await Portal.WithDbAsync(db => db.CallOffs.SingleAsync(c => c.Id == callOff.Id, Ct));
        Assert.Equal(CallOffStatus.AgreementDrafted, done.Status);
        var agreement = await Portal.WithDbAsync(db => db.IsfAgreements.SingleAsync(x => x.Id == done.AgreementId, Ct));
        Assert.Equal(s.Micro.Id, agreement.ProviderId);
        Assert.Equal(s.PersonId, agreement.SupportedPersonId);

        // The lists as CSV.
        var csv = Encoding.UTF8.GetString(await (await commissioner.GetAsync($"{fw}/call-offs?handler=export")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Mini-competition", csv);
        Assert.Contains("Agreement drafted", csv);
        var roundsCsv = Encoding.UTF8.GetString(await (await commissioner.GetAsync($"{fw}/rounds?handler=export")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Spring re-opening", roundsCsv);

        // The directory: the old rate the day before the change, the new one from that day.
        Portal.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Contains("framework rate £20.00 per hour", await ProfileFrameworksAsync(s.A.Id));
        Portal.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("framework rate £22.00 per hour", await ProfileFrameworksAsync(s.A.Id));
    }
}

public sealed class FrameworkRoundsSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class FrameworkRoundsOnSqlite(FrameworkRoundsSqlitePortal portal) : FrameworkRoundTests(portal), IClassFixture<FrameworkRoundsSqlitePortal>;
