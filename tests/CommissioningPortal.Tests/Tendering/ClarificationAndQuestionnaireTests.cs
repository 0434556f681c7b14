using System.Net;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Tendering;

/// <summary>
/// Issue 15 parts 3 and 4: providers ask privately; the commissioner answers for everyone (the asker never named) or
/// privately with a reason; the log is on the public page; new answers are e-mailed; the commissioner builds the
/// questionnaire with clear messages for bad input, and sees unanswered counts and a CSV of questions.
/// </summary>
public abstract class ClarificationAndQuestionnaireTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static async Task<HttpResponseMessage> AskAsync(PortalClient client, Guid opportunityId, string question)
    {
        var page = await client.GetPageAsync($"/tenders/{opportunityId}/questions");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await client.SubmitAsync(page, new Dictionary<string, string> { ["Question"] = question });
    }

    [Fact]
    public async Task Two_providers_ask_and_both_get_the_answer_for_everyone_which_never_names_the_asker()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (firstEmail, _) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Asker One {word}");
        var (secondEmail, _) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Asker Two {word}");
        using var first = await Portal.SignedInProviderAsync(firstEmail);
        using var second = await Portal.SignedInProviderAsync(secondEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(first, tender.OpportunityId, $"Asker One {word} asks: can we bid for one lot only?")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(second, tender.OpportunityId, "Is TUPE likely to apply?")).StatusCode);
        // An empty question: a clear message, nothing saved.
        var empty = await AskAsync(first, tender.OpportunityId, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write your question.", await empty.Content.ReadAsStringAsync(Ct));

        using var commissioner = NewClient();
        await commissioner.SignInAsync(tender.Authority.CommissionerEmail);
        var workspace = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}");
        Assert.Contains("2 unanswered", workspace.Text);
        var list = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/clarifications");
        Assert.Contains($"Asker One {word} asked", list.Text); // the commissioner knows who asked
        var csv = await commissioner.Http.GetStringAsync($"/tendering/{tender.OpportunityId}/clarifications?handler=csv", Ct);
        Assert.Contains("Is TUPE likely to apply?", csv);
        Assert.Contains("Not answered", csv);

        var firstId = await Portal.WithDbAsync(db => db.Clarifications.Where(c => c.OpportunityId == tender.OpportunityId && c.Question.Contains("one lot")).Select(c => c.Id).SingleAsync());
        var answered = await commissioner.PostFormAsync(list,
        [
            ("ClarificationId", firstId.ToString()), ("To", "all"), ("PublishedQuestion", "Can a provider bid for one lot only?"),
            ("Answer", "Yes: price only the lots you bid for."), ("PrivateReason", ""),
        ], $"/tendering/{tender.OpportunityId}/clarifications");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var publicPage = await NewClient().GetPageAsync($"/opportunities/{tender.OpportunityId}");
        Assert.Contains("Can a provider bid for one lot only?", publicPage.Text);
        Assert.Contains("Yes: price only the lots you bid for.", publicPage.Text);
        Assert.DoesNotContain("Asker One", publicPage.Text);
        Assert.DoesNotContain("TUPE", publicPage.Text); // not answered yet
        foreach (var email in new[] { firstEmail, secondEmail })
        {
            var mail = Assert.Single(await Portal.MailAsync(email, "tender-clarification"));
            Assert.Contains("Yes: price only the lots you bid for.", mail.Body);
            Assert.DoesNotContain("Asker One", mail.Body);
        }
        Assert.Contains("1 unanswered", (await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}")).Text);
    }

    [Fact]
    public async Task The_demo_tender_is_open_for_responses_with_questions_answered_and_the_asker_not_named()
    {
        using var visitor = NewClient();
        var list = await visitor.GetPageAsync("/opportunities?authority=glenmore");
        var link = list.Document.QuerySelectorAll("a").First(a => a.TextContent.Contains("Care at home in Glenmore North and South"));
        var page = await visitor.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("Can a small provider bid for one lot only?", page.Text);
        Assert.Contains("We do not expect TUPE to apply", page.Text);
        Assert.DoesNotContain("Loch View", page.Text);
        Assert.DoesNotContain("We are four people", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href$='/respond']"));

        // Loch View (a micro-provider) gets the short form, its PVG and insurance answered from its passport.
        using var micro = NewClient();
        await micro.SignInAsync("micro@lochview.example");
        var form = await micro.GetPageAsync(page.Document.QuerySelector("a[href$='/respond']")!.GetAttribute("href")!);
        Assert.Contains("You have the short form", form.Text);
        Assert.Contains("Answered from your verified passport: PVG scheme membership", form.Text);
        Assert.Contains("Answered from your verified passport: Public liability insurance", form.Text);
        Assert.DoesNotContain("most rural parts", form.Text); // not on the short form
    }

    [Fact]
    public async Task A_private_answer_needs_a_reason_and_reaches_only_the_asker()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (askerEmail, _) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Private {word}");
        var (otherEmail, _) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Other {word}");
        using var asker = await Portal.SignedInProviderAsync(askerEmail);
        using var other = await Portal.SignedInProviderAsync(otherEmail);
        await AskAsync(asker, tender.OpportunityId, "Our current contract ends in June: does that matter?");
        await AskAsync(other, tender.OpportunityId, "When is the award?");
        var id = await Portal.WithDbAsync(db => db.Clarifications.Where(c => c.OpportunityId == tender.OpportunityId && c.Question.Contains("June")).Select(c => c.Id).SingleAsync());
        using var commissioner = NewClient();
        await commissioner.SignInAsync(tender.Authority.CommissionerEmail);
        var list = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/clarifications");

        var noReason = await commissioner.PostFormAsync(list, [("ClarificationId", id.ToString()), ("To", "private"), ("Answer", "It does not."), ("PrivateReason", "")],
            $"/tendering/{tender.OpportunityId}/clarifications");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = await noReason.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Say why this answer goes only to the provider who asked", html);
        Assert.Contains("It does not.", html); // what was typed is kept
        Assert.Equal(ClarificationVisibility.Unanswered, (await Portal.WithDbAsync(db => db.Clarifications.SingleAsync(c => c.Id == id))).Visibility);

        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostFormAsync(list,
            [("ClarificationId", id.ToString()), ("To", "private"), ("Answer", "It does not."), ("PrivateReason", "About their own contract.")],
            $"/tendering/{tender.OpportunityId}/clarifications")).StatusCode);
        Assert.Single(await Portal.MailAsync(askerEmail, "tender-clarification"));
        Assert.Empty(await Portal.MailAsync(otherEmail, "tender-clarification"));
        Assert.DoesNotContain("It does not.", (await NewClient().GetPageAsync($"/opportunities/{tender.OpportunityId}")).Text);
        Assert.Contains("Answered for you only: It does not.", (await asker.GetPageAsync($"/tenders/{tender.OpportunityId}/questions")).Text);
    }

    [Fact]
    public async Task An_answer_for_everyone_reaches_a_provider_following_the_opportunity_but_a_private_answer_does_not()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        var (askerEmail, _) = await Portal.NewProviderAsync(ProviderKind.RegisteredOrganisation, $"Asker {word}");
        var (followerEmail, _) = await Portal.NewProviderAsync(ProviderKind.MicroProvider, $"Follower {word}");
        using var asker = await Portal.SignedInProviderAsync(askerEmail);
        using var follower = await Portal.SignedInProviderAsync(followerEmail);
        // The follower neither asks nor drafts: it only follows the opportunity, on its own page.
        var follow = await follower.GetPageAsync($"/opportunities/{tender.OpportunityId}/follow");
        Assert.Equal(HttpStatusCode.Redirect, (await follower.SubmitAsync(follow, new Dictionary<string, string>())).StatusCode);
        await AskAsync(asker, tender.OpportunityId, "Our own contract ends in June: does that matter?");
        await AskAsync(asker, tender.OpportunityId, "Can we price one lot only?");
        var questions = await Portal.WithDbAsync(db => db.Clarifications.Where(c => c.OpportunityId == tender.OpportunityId).ToDictionaryAsync(c => c.Question, c => c.Id));

        using var commissioner = NewClient();
        await commissioner.SignInAsync(tender.Authority.CommissionerEmail);
        var list = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}/clarifications");
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostFormAsync(list,
            [("ClarificationId", questions["Our own contract ends in June: does that matter?"].ToString()), ("To", "private"), ("Answer", "It does not."), ("PrivateReason", "About their own contract.")],
            $"/tendering/{tender.OpportunityId}/clarifications")).StatusCode);
        Assert.Empty(await Portal.MailAsync(followerEmail, "tender-clarification"));

        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.PostFormAsync(list,
            [("ClarificationId", questions["Can we price one lot only?"].ToString()), ("To", "all"), ("PublishedQuestion", "Can a provider price one lot only?"), ("Answer", "Yes: price the lots you bid for."), ("PrivateReason", "")],
            $"/tendering/{tender.OpportunityId}/clarifications")).StatusCode);
        var mail = Assert.Single(await Portal.MailAsync(followerEmail, "tender-clarification"));
        Assert.Contains("Yes: price the lots you bid for.", mail.Body);
        Assert.DoesNotContain($"Asker {word}", mail.Body);
        Assert.DoesNotContain("It does not.", mail.Body);
        // The asker gets the private answer and the answer for everyone, each once.
        Assert.Equal(2, (await Portal.MailAsync(askerEmail, "tender-clarification")).Count);
    }

    [Fact]
    public async Task A_commissioner_builds_the_questionnaire_and_bad_input_gets_a_message_naming_the_field()
    {
        var word = Guid.NewGuid().ToString("N")[..8];
        var tender = await Portal.NewTenderAsync(word);
        using var commissioner = NewClient();
        await commissioner.SignInAsync(tender.Authority.CommissionerEmail);
        var page = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}");
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.SubmitAsync(page, new Dictionary<string, string> { ["S.Title"] = "Fair work" }, "form[action$='handler=section']")).StatusCode);
        page = await commissioner.GetPageAsync($"/tendering/{tender.OpportunityId}");
        var sectionId = await Portal.WithDbAsync(db => db.Questionnaires.Where(q => q.OpportunityId == tender.OpportunityId)
            .SelectMany(q => q.Sections).Where(s => s.Title == "Fair work").Select(s => s.Id).SingleAsync());

        var bad = await commissioner.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Q.SectionId"] = sectionId.ToString(), ["Q.Kind"] = "Scored", ["Q.Text"] = "How do you pay and support your staff?", ["Q.WordLimit"] = "lots", ["Q.Weight"] = "20", ["Q.ScaleMax"] = "4",
        }, "form[action$='handler=question']");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The word limit must be a whole number, like 300.", html);
        Assert.Contains("How do you pay and support your staff?", html);

        var tooHeavy = await commissioner.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Q.SectionId"] = sectionId.ToString(), ["Q.Kind"] = "Scored", ["Q.Text"] = "How do you pay and support your staff?", ["Q.WordLimit"] = "300", ["Q.Weight"] = "120", ["Q.ScaleMax"] = "4",
        }, "form[action$='handler=question']");
        Assert.Equal(HttpStatusCode.BadRequest, tooHeavy.StatusCode);
        Assert.Contains("The weight must be a whole number from 0 to 100.", await tooHeavy.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Q.SectionId"] = sectionId.ToString(), ["Q.Kind"] = "Scored", ["Q.Text"] = "How do you pay and support your staff?", ["Q.WordLimit"] = "300", ["Q.Weight"] = "20", ["Q.ScaleMax"] = "4",
        }, "form[action$='handler=question']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.SubmitAsync(page, new Dictionary<string, string> { ["P.Description"] = "Outcome payment", ["P.Unit"] = "PerOutcome" }, "form[action$='handler=price']")).StatusCode);
        var badMoney = await commissioner.SubmitAsync(page, new Dictionary<string, string> { ["ShortFormBelow"] = "a lot" }, "form[action$='handler=shortForm']");
        Assert.Equal(HttpStatusCode.BadRequest, badMoney.StatusCode);
        Assert.Contains("The short-form value must be an amount in pounds", await badMoney.Content.ReadAsStringAsync(Ct));

        var q = await Portal.WithDbAsync(db => db.Questionnaires.AsNoTracking().Include(x => x.Questions).Include(x => x.PriceLines).SingleAsync(x => x.OpportunityId == tender.OpportunityId));
        Assert.Contains(q.Questions, x => x.Text == "How do you pay and support your staff?" && x.WordLimit == 300 && x.Weight == 20);
        Assert.Contains(q.PriceLines, x => x.Description == "Outcome payment" && x.Unit == PriceUnit.PerOutcome);
        Assert.Equal(250_000_00, q.ShortFormBelowPence);

        // Another authority's commissioner does not find it.
        using var ardbrae = NewClient();
        await ardbrae.SignInAsync(DemoUsers.ArdbraeCommissioner);
        Assert.Equal(HttpStatusCode.NotFound, (await ardbrae.Http.GetAsync($"/tendering/{tender.OpportunityId}", Ct)).StatusCode);
    }
}

public sealed class ClarificationAndQuestionnaireOnSqlite(SqlitePortal portal) : ClarificationAndQuestionnaireTests(portal);

public sealed class ClarificationAndQuestionnaireOnPostgres(PostgresPortal portal) : ClarificationAndQuestionnaireTests(portal);
