using System.Net;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Workflows.Definitions;
using CommissioningPortal.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Agreements;

/// <summary>
/// Issue 14: every agreement step only through the agreements feature's use cases (never the process
/// page, a task's "mark done" or the engine alone), variations that say what changed and why, the
/// version in force in the header, withdrawing and ending, and signatures that match the version.
/// </summary>
public abstract class AgreementLifecycleTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static readonly string[] Parties = [DemoUsers.GlenmorePractitioner, DemoUsers.GlenmoreCommissioner, DemoUsers.Person, DemoUsers.Provider];

    private Task<Guid> BrightStepsAsync() => Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));

    private async Task<PortalClient> AsAsync(string email)
    {
        var client = NewClient();
        await client.SignInAsync(email);
        return client;
    }

    private async Task<Guid> OfferAsync(Dictionary<string, string>? changes = null)
    {
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var form = AgreementFlowTests.Form($"Skye {Guid.NewGuid():N}"[..14], await BrightStepsAsync());
        foreach (var (k, v) in changes ?? []) form[k] = v;
        var response = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task AcceptAsAsync(string email, Guid id, int version = 1)
    {
        using var client = await AsAsync(email);
        await AgreementFlowTests.AcceptAsync(client, id, version);
    }

    private Task<Guid> InstanceOfAsync(Guid id) => Portal.WithDbAsync(db => db.IsfAgreements.Where(a => a.Id == id).Select(a => a.WorkflowInstanceId).SingleAsync(Ct));

    private Task<string> StateOfAsync(Guid id) => Portal.WithDbAsync(db =>
        db.IsfAgreements.Where(a => a.Id == id).Join(db.WorkflowInstances, a => a.WorkflowInstanceId, i => i.Id, (a, i) => i.State).SingleAsync(Ct));

    /// <summary>Posts every trigger of the definition to the process page, as each party: each refused, nothing moves.</summary>
    private async Task AssertProcessPageRefusesEveryStepAsync(Guid id, IEnumerable<string> triggers)
    {
        var instance = await InstanceOfAsync(id);
        var before = await StateOfAsync(id);
        foreach (var email in Parties)
        {
            using var client = await AsAsync(email);
            var page = await client.GetPageAsync($"/processes/{instance}");
            if (page.Status != HttpStatusCode.OK) continue; // a party who cannot see the process page cannot post to it either
            Assert.Null(page.Document.QuerySelector("input[name=Trigger]")); // the generic page offers no agreement step
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var trigger in triggers)
            {
                var response = await client.Http.PostAsync($"/processes/{instance}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Trigger"] = trigger, ["Comment"] = "Trying the back door",
                }), Ct);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{email} firing {trigger} at {before}: {response.StatusCode}");
                Assert.Equal(before, await StateOfAsync(id));
            }
        }
    }

    [Fact]
    public async Task Every_agreement_transition_is_the_features_and_active_needs_three_acceptances_of_the_same_bytes_whatever_the_route()
    {
        var definition = Portal.Services.GetRequiredService<WorkflowDefinitionRegistry>().Latest("isf-agreement");
        Assert.All(definition.Transitions, t => Assert.Equal("agreements", t.OwnedBy)); // no agreement step on a generic page
        var triggers = definition.Transitions.Select(t => t.Trigger).Distinct().ToList();

        var id = await OfferAsync();
        var instance = await InstanceOfAsync(id);
        await AssertProcessPageRefusesEveryStepAsync(id, triggers);

        // The engine alone (no use case, no acceptance written) cannot take an acceptance step.
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.FireAsync(instance, "accept-as-person", new WorkflowActor("someone", [Roles.SupportedPerson]), ct: Ct));
        }
        Assert.Equal("offered", await StateOfAsync(id));

        // The accept page: not the commissioner's turn; the person must open the PDF first.
        using (var commissioner = await AsAsync(DemoUsers.GlenmoreCommissioner))
        {
            var page = await commissioner.GetPageAsync($"/agreements/{id}");
            Assert.DoesNotContain("Your turn", page.Text);
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var response = await commissioner.Http.PostAsync($"/agreements/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Confirm"] = "true", ["Sha256"] = new string('0', 64),
            }), Ct);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("offered", await StateOfAsync(id));
        }
        using (var person = await AsAsync(DemoUsers.Person))
        {
            var page = await person.GetPageAsync($"/agreements/{id}");
            var refused = await PortalClient.Page.ReadAsync(await person.SubmitAsync(page, new Dictionary<string, string> { ["Confirm"] = "true" }, "main form[method=post]"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("Open version 1 of the agreement", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
            Assert.Equal("offered", await StateOfAsync(id));
        }

        await AcceptAsAsync(DemoUsers.Person, id);
        await AssertProcessPageRefusesEveryStepAsync(id, triggers);
        await AcceptAsAsync(DemoUsers.Provider, id);
        Assert.Equal("accepted-by-provider", await StateOfAsync(id));
        await AssertProcessPageRefusesEveryStepAsync(id, triggers);

        // Waiting for the authority: a task in its inbox, which opens the agreement rather than "marking it done".
        using (var commissioner = await AsAsync(DemoUsers.GlenmoreCommissioner))
        {
            var inbox = await commissioner.GetPageAsync("/tasks");
            var row = inbox.Document.QuerySelectorAll("tbody tr").Single(r => r.InnerHtml.Contains(instance.ToString()));
            Assert.Contains("Authorise the ISF agreement", row.TextContent);
            Assert.Equal($"/agreements/{id}", row.QuerySelector("a.ds_button")!.GetAttribute("href"));
            Assert.Null(row.QuerySelector("form"));
            var taskId = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.InstanceId == instance && w.ClosedAt == null).Select(w => w.Id).SingleAsync(Ct));
            var token = inbox.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                        ?? (await commissioner.GetPageAsync($"/processes/{instance}")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var done = await commissioner.Http.PostAsync($"/tasks/{taskId}/complete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, done.StatusCode);
            Assert.Equal("accepted-by-provider", await StateOfAsync(id));
        }

        // The engine alone cannot authorise: no authority acceptance, no final PDF.
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.FireAsync(instance, "authorise", new WorkflowActor("a commissioner", [Roles.Commissioner]), ct: Ct));
        }
        // Nor with an authority acceptance of other bytes than the ones the person and provider accepted.
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var version = await db.IsfAgreementVersions.SingleAsync(v => v.AgreementId == id && v.Number == 1, Ct);
            db.IsfAcceptances.Add(new IsfAcceptance { VersionId = version.Id, Party = AgreementParty.Authority, UserId = "x", Name = "Someone", At = Portal.Clock.GetUtcNow(), Sha256 = new string('a', 64) });
            version.FinalPdf = [1, 2, 3];
            version.FinalSha256 = new string('b', 64);
            version.AuthorisedAt = Portal.Clock.GetUtcNow();
            await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.FireAsync(instance, "authorise", new WorkflowActor("a commissioner", [Roles.Commissioner]), ct: Ct));
        }
        Assert.Equal("accepted-by-provider", await StateOfAsync(id));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.IsfAcceptances.CountAsync(a => a.Party == AgreementParty.Authority && db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == id), Ct)));

        // Through its page, the commissioner authorises: three acceptances of the same bytes, the final PDF stored.
        await AcceptAsAsync(DemoUsers.GlenmoreCommissioner, id);
        Assert.Equal("active", await StateOfAsync(id));
        var (hashes, offered, final) = await Portal.WithDbAsync(async db =>
        {
            var v = await db.IsfAgreementVersions.SingleAsync(x => x.AgreementId == id && x.Number == 1, Ct);
            return ((await db.IsfAcceptances.Where(a => a.VersionId == v.Id).Select(a => a.Sha256).ToListAsync(Ct)), v.OfferedSha256, v.FinalPdf);
        });
        Assert.Equal(3, hashes.Count);
        Assert.All(hashes, h => Assert.Equal(offered, h));
        Assert.NotNull(final);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.WorkItems.CountAsync(w => w.InstanceId == instance && w.ClosedAt == null, Ct))); // the task closed with the step
        await AssertProcessPageRefusesEveryStepAsync(id, triggers);
    }

    [Fact]
    public async Task Each_use_case_posted_by_url_by_a_party_it_is_not_offered_to_is_refused_and_changes_nothing()
    {
        var id = await OfferAsync();
        foreach (var email in new[] { DemoUsers.GlenmoreCommissioner, DemoUsers.Person, DemoUsers.Provider })
        {
            using var client = await AsAsync(email);
            var page = await client.GetPageAsync($"/agreements/{id}");
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                        ?? (await client.GetPageAsync("/account/manage")).Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            foreach (var handler in new[] { "withdraw", "end", "review", "paper" })
            {
                var response = await client.Http.PostAsync($"/agreements/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["WithdrawReason"] = "x", ["EndReason"] = "x", ["ReviewNotes"] = "x", ["SignedBy"] = "Someone", ["SignedOn"] = "2026-12-01",
                }), Ct);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden, $"{email} {handler}: {response.StatusCode}");
                Assert.Equal("offered", await StateOfAsync(id));
            }
        }
        Assert.Equal(0, await Portal.WithDbAsync(db => db.IsfAcceptances.CountAsync(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == id), Ct)));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.IsfAgreementVersions.CountAsync(v => v.AgreementId == id && v.WithdrawnAt != null, Ct)));
    }

    [Fact]
    public async Task A_variation_of_the_start_date_amount_and_schedule_lists_each_with_old_and_new_values_and_the_reason_on_the_page_and_in_the_pdf()
    {
        var id = await OfferAsync(new() { ["Terms.StartDate"] = "2026-12-14", ["Terms.ReviewDate"] = "2027-06-14", ["Terms.WeeklyBudget"] = "392.41", ["Terms.PaymentIntervalWeeks"] = "4" });
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner }) await AcceptAsAsync(party, id);

        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var vary = await practitioner.GetPageAsync($"/agreements/{id}/vary");
        var done = await practitioner.SubmitAsync(vary, new Dictionary<string, string>
        {
            ["Terms.StartDate"] = "2026-12-28", ["Terms.WeeklyBudget"] = "393.75", ["Terms.PaymentIntervalWeeks"] = "2",
            ["Reason"] = "Jamie's new college timetable starts later",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        using var person = await AsAsync(DemoUsers.Person);
        var page = await person.GetPageAsync($"/agreements/{id}");
        var changed = page.Document.QuerySelectorAll("#what-changed li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Start date: 14 December 2026 → 28 December 2026.", changed);
        Assert.Contains("Weekly budget: £392.41 → £393.75.", changed);
        Assert.Contains("Payment schedule: Four-weekly in advance, with no invoices → Fortnightly in advance, with no invoices.", changed);
        Assert.Contains("Jamie's new college timetable starts later", page.Document.QuerySelector("#why-changed")!.TextContent);

        var pdf = string.Join(" ", PdfFiles.Pages(await (await person.GetAsync($"/agreements/{id}/v2/offered")).Content.ReadAsByteArrayAsync(Ct)));
        Assert.Contains("Start date: 14 December 2026 changed to 28 December 2026.", pdf);
        Assert.Contains("Weekly budget: £392.41 changed to £393.75.", pdf);
        Assert.Contains("Payment schedule: Four-weekly in advance, with no invoices changed to Fortnightly in advance, with no invoices.", pdf);
        Assert.Contains("Why it changed. Jamie's new college timetable starts later", pdf);
    }

    [Fact]
    public async Task While_a_variation_waits_the_header_shows_version_1_in_force_beside_it_and_withdrawing_it_keeps_version_1()
    {
        var id = await OfferAsync(new() { ["Terms.WeeklyBudget"] = "300" });
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner }) await AcceptAsAsync(party, id);
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var vary = await practitioner.GetPageAsync($"/agreements/{id}/vary");
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.SubmitAsync(vary, new Dictionary<string, string> { ["Terms.WeeklyBudget"] = "340", ["Reason"] = "More support at weekends" })).StatusCode);

        var page = await practitioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains("In force: version 1", page.Document.QuerySelector("#agreement-in-force")!.TextContent);
        Assert.Contains("Version 2 (a variation) is offered", page.Document.QuerySelector("#agreement-pending")!.TextContent);
        var budget = page.Document.QuerySelectorAll("#agreement-terms tr").Single(r => r.TextContent.Contains("Weekly budget")).QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["£300.00", "£340.00"], budget); // version 1's figure first, the offered one beside it

        var refused = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(page, new Dictionary<string, string>(), "#withdraw-form"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Say why the offer is withdrawn", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
        var withdrawn = await practitioner.SubmitAsync(page, new Dictionary<string, string> { ["WithdrawReason"] = "Agreed to wait for the review" }, "#withdraw-form");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("active", await StateOfAsync(id));
        page = await practitioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains("In force: version 1", page.Document.QuerySelector("#agreement-in-force")!.TextContent);
        Assert.Null(page.Document.QuerySelector("#agreement-pending"));
        Assert.Contains("withdrawn", page.Text);
        Assert.Contains("Agreed to wait for the review", page.Text);

        // Ended with notice and a reason, through the agreement's page.
        var ended = await practitioner.SubmitAsync(page, new Dictionary<string, string> { ["EndReason"] = "Jamie is moving to Ardbrae" }, "#end-form");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("ended", await StateOfAsync(id));
        var endsOn = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime).AddDays(28);
        page = await practitioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains($"ends on {AgreementTerms.Date(endsOn)}", page.Document.QuerySelector("#agreement-ending")!.TextContent);
        Assert.Contains("Jamie is moving to Ardbrae", page.Document.QuerySelector("#agreement-ending")!.TextContent);
    }

    [Fact]
    public async Task When_the_review_falls_due_the_practitioner_records_it_on_the_agreement_page_not_by_marking_the_task_done()
    {
        var id = await OfferAsync();
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner }) await AcceptAsAsync(party, id);
        var instance = await InstanceOfAsync(id);
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            // What the review-date timer does.
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            Assert.Equal(FireOutcome.Fired, (await runtime.FireAsync(instance, "review-due", WorkflowActor.System, ct: Ct)).Outcome);
        }
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var inbox = await practitioner.GetPageAsync("/tasks");
        var row = inbox.Document.QuerySelectorAll("tbody tr").Single(r => r.InnerHtml.Contains(instance.ToString()));
        Assert.Equal($"/agreements/{id}", row.QuerySelector("a.ds_button")!.GetAttribute("href"));

        // The practitioner's home lists it under reviews due, until the review is recorded.
        Assert.Contains($"/agreements/{id}", (await practitioner.GetPageAsync("/people")).Document.QuerySelector("#reviews-due")?.InnerHtml ?? "");
        var page = await practitioner.GetPageAsync($"/agreements/{id}");
        var refused = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(page, new Dictionary<string, string>(), "form[action$='handler=review']"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Say what the review found", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.SubmitAsync(page, new Dictionary<string, string> { ["ReviewNotes"] = "Going well; swimming weekly" }, "form[action$='handler=review']")).StatusCode);
        Assert.Equal("active", await StateOfAsync(id));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.WorkItems.CountAsync(w => w.InstanceId == instance && w.ClosedAt == null, Ct)));
        Assert.DoesNotContain($"/agreements/{id}", (await practitioner.GetPageAsync("/people")).Document.QuerySelector("#reviews-due")?.InnerHtml ?? "");
    }

    [Fact]
    public async Task A_first_offer_can_be_withdrawn_and_then_nobody_can_accept_it()
    {
        var id = await OfferAsync();
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var page = await practitioner.GetPageAsync($"/agreements/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.SubmitAsync(page, new Dictionary<string, string> { ["WithdrawReason"] = "Wrong provider chosen" }, "#withdraw-form")).StatusCode);
        Assert.Equal("withdrawn", await StateOfAsync(id));
        using var person = await AsAsync(DemoUsers.Person);
        Assert.DoesNotContain("Your turn", (await person.GetPageAsync($"/agreements/{id}")).Text);
    }

    [Fact]
    public async Task A_representative_whose_name_differs_from_the_one_the_version_names_cannot_accept_and_linking_the_named_one_works()
    {
        // The version names Morag Reid; Ailsa Reid's account is linked as the representative.
        var id = await OfferAsync(new()
        {
            ["PersonEmail"] = "", ["RepresentativeName"] = "Morag Reid", ["RepresentativeRelationship"] = "aunt", ["RepresentativeEmail"] = "representative@people.example",
        });
        using (var ailsa = await AsAsync("representative@people.example"))
        {
            var page = await ailsa.GetPageAsync($"/agreements/{id}");
            Assert.Contains("This version names Morag Reid as", page.Document.QuerySelector("#not-signatory")!.TextContent);
            Assert.Null(page.Document.QuerySelector("#Confirm"));
            await ailsa.GetAsync($"/agreements/{id}/v1/offered");
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var response = await PortalClient.Page.ReadAsync(await ailsa.Http.PostAsync($"/agreements/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Confirm"] = "true", ["Sha256"] = await Portal.WithDbAsync(db => db.IsfAgreementVersions.Where(v => v.AgreementId == id).Select(v => v.OfferedSha256).SingleAsync(Ct)),
            }), Ct));
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("offered", await StateOfAsync(id));
            Assert.Equal(0, await Portal.WithDbAsync(db => db.IsfAcceptances.CountAsync(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == id), Ct)));
        }

        // The version names Ailsa Reid; she cannot see it until Jamie links her, with the power to sign, from his own page.
        var second = await OfferAsync(new() { ["RepresentativeName"] = "Ailsa Reid", ["RepresentativeRelationship"] = "mum" });
        using (var ailsa = await AsAsync("representative@people.example"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ailsa.GetPageAsync($"/agreements/{second}")).Status);
        }
        using (var jamie = await AsAsync(DemoUsers.Person))
        {
            var home = await jamie.GetPageAsync("/my-support");
            var refused = await PortalClient.Page.ReadAsync(await jamie.SubmitAsync(home, new Dictionary<string, string> { ["RepresentativeEmail"] = "nobody@people.example" }, "form[action='/my-support?handler=link']"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("No representative has a portal account with that e-mail address", refused.Document.QuerySelector(".ds_error-summary")!.TextContent);
            var linked = await jamie.SubmitAsync(home, new Dictionary<string, string> { ["RepresentativeEmail"] = "representative@people.example", ["MaySign"] = "true" }, "form[action='/my-support?handler=link']");
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
            Assert.Contains("Ailsa Reid (Jamie's mum) is linked as your representative and may sign", (await jamie.GetPageAsync("/my-support")).Document.QuerySelector("#my-representative")!.TextContent);
        }
        await AcceptAsAsync("representative@people.example", second);
        Assert.Equal("accepted-by-person", await StateOfAsync(second));
        var acceptance = await Portal.WithDbAsync(db => db.IsfAcceptances.SingleAsync(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == second), Ct));
        Assert.Equal((AgreementParty.Representative, "Ailsa Reid"), (acceptance.Party, acceptance.Name));
    }

    [Fact]
    public async Task A_start_date_in_the_past_needs_a_reason_which_the_authoriser_sees_and_the_review_must_follow_the_start()
    {
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var form = AgreementFlowTests.Form("Eilidh Munro", await BrightStepsAsync());
        form["Terms.StartDate"] = today.AddDays(-30).ToString("yyyy-MM-dd");
        form["Terms.ReviewDate"] = today.AddDays(-40).ToString("yyyy-MM-dd");
        var refused = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var summary = refused.Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("The start date is before today: say why", summary);
        Assert.Contains("The review date must be after the start date", summary);

        form["Terms.ReviewDate"] = today.AddYears(1).ToString("yyyy-MM-dd");
        form["Terms.StartDateReason"] = "Support started in an emergency on discharge from hospital";
        var offered = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form);
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var id = Guid.Parse(offered.Headers.Location!.OriginalString.Split('/')[^1]);
        await AcceptAsAsync(DemoUsers.Person, id);
        await AcceptAsAsync(DemoUsers.Provider, id);
        using var commissioner = await AsAsync(DemoUsers.GlenmoreCommissioner);
        var page = await commissioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains("Support started in an emergency on discharge from hospital", page.Document.QuerySelector("#backdated-warning")!.TextContent);
    }

    [Fact]
    public async Task Validation_messages_are_the_portals_own_naming_the_field()
    {
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var form = AgreementFlowTests.Form(new string('a', 201), await BrightStepsAsync());
        form["Terms.BudgetHolder"] = new string('b', 201);
        var refused = await PortalClient.Page.ReadAsync(await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var summary = refused.Document.QuerySelector(".ds_error-summary")!.TextContent;
        Assert.Contains("The person's name must be 200 characters or fewer", summary);
        Assert.Contains("The budget holder's name must be 200 characters or fewer", summary);
        Assert.DoesNotContain("The field", summary);
    }

    [Fact]
    public async Task The_accept_page_shows_no_hash_and_the_signed_pdf_names_each_party_how_and_when_they_accepted()
    {
        var id = await OfferAsync();
        using (var person = await AsAsync(DemoUsers.Person))
        {
            var page = await person.GetPageAsync($"/agreements/{id}");
            Assert.DoesNotMatch("[0-9a-f]{64}", page.Document.QuerySelector("main")!.TextContent);
        }
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider, DemoUsers.GlenmoreCommissioner }) await AcceptAsAsync(party, id);
        using var client = await AsAsync(DemoUsers.Person);
        var final = await (await client.GetAsync($"/agreements/{id}/v1/final")).Content.ReadAsByteArrayAsync(Ct);
        var text = string.Join(" ", PdfFiles.Pages(final));
        var signatures = text[text.LastIndexOf("Signatures", StringComparison.Ordinal)..];
        Assert.Contains("Jamie Reid", signatures); // the person's account that accepted
        Assert.Contains("Callum Ross", signatures);
        Assert.Contains("Accepted in the portal", signatures);
        Assert.Contains(Portal.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), signatures);
    }

    [Fact]
    public async Task The_provider_list_marks_verified_and_framework_providers_and_defaults_to_verified_ones()
    {
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var options = (await practitioner.GetPageAsync("/agreements/new")).Document.QuerySelectorAll("#ProviderId option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.Contains("— verified", o));
        var all = (await practitioner.GetPageAsync("/agreements/new?AllProviders=true")).Document.QuerySelectorAll("#ProviderId option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.True(all.Count >= options.Count);
        Assert.Contains(all, o => o.Contains("on our framework"));
        Assert.All(all, o => Assert.Matches("— (verified|not verified)", o));
    }
}

public sealed class AgreementLifecycleOnSqlite(SqlitePortal portal) : AgreementLifecycleTests(portal);

public sealed class AgreementLifecycleOnPostgres(PostgresPortal portal) : AgreementLifecycleTests(portal);

/// <summary>The route many people need: a signature on a printed copy, recorded by the practitioner with the scan.</summary>
public abstract class PaperSignatureTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task The_practitioner_records_a_paper_signature_with_its_scan_and_the_signed_pdf_says_so()
    {
        var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        using var practitioner = NewClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var form = AgreementFlowTests.Form("Morven Gray", provider);
        form["PersonEmail"] = "";
        var offered = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), form);
        var id = Guid.Parse(offered.Headers.Location!.OriginalString.Split('/')[^1]);
        var page = await practitioner.GetPageAsync($"/agreements/{id}");
        Assert.Contains("Waiting for the person", page.Document.QuerySelector("#agreement-waiting-to-join")!.TextContent);
        var token = page.Document.QuerySelector("#paper-signature input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var scan = "%PDF-1.4\n% a scanned signature page\n"u8.ToArray();

        async Task<HttpResponseMessage> PostAsync(string signedBy)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(signedBy), "SignedBy" },
                { new StringContent(today), "SignedOn" },
                { new ByteArrayContent(scan), "Scan", "signed.pdf" },
            };
            return await practitioner.Http.PostAsync($"/agreements/{id}?handler=paper", content, Ct);
        }

        var wrong = await PortalClient.Page.ReadAsync(await PostAsync("Someone Else"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("Who signed must be the person or the representative this version names: Morven Gray", wrong.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("Morven Gray")).StatusCode);

        var acceptance = await Portal.WithDbAsync(db => db.IsfAcceptances.SingleAsync(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == id), Ct));
        Assert.Equal((AgreementParty.Person, "Morven Gray", AcceptanceMethod.Paper), (acceptance.Party, acceptance.Name, acceptance.Method));
        Assert.Equal(scan, acceptance.Scan);
        Assert.NotNull(acceptance.RecordedBy);

        foreach (var party in new[] { DemoUsers.Provider, DemoUsers.GlenmoreCommissioner })
        {
            using var client = NewClient();
            await client.SignInAsync(party);
            await AgreementFlowTests.AcceptAsync(client, id);
        }
        var final = await (await practitioner.GetAsync($"/agreements/{id}/v1/final")).Content.ReadAsByteArrayAsync(Ct);
        var text = string.Join(" ", PdfFiles.Pages(final));
        Assert.Contains("Signed on paper", text); // on the signature line
        Assert.Contains($"recorded by {acceptance.RecordedBy}", text); // in the acceptance record
        Assert.Contains("Accepted in the portal", text);
    }
}

public sealed class PaperSignatureOnSqlite(SqlitePortal portal) : PaperSignatureTests(portal);

public sealed class PaperSignatureOnPostgres(PostgresPortal portal) : PaperSignatureTests(portal);
