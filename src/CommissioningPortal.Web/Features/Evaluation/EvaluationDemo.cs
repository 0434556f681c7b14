using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.Tendering;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// Demo data for issue 16, after the demo recipe: Glenmore's awarded tender "Overnight support in Glenmore North" — two bids
/// (Bright Steps Care and Loch View Community Care) opened by two of Glenmore's staff, a panel of the commissioner and Isla Grant
/// (lived-experience member), their scores, moderation to consensus, a sustainable price floor, the award, both feedback letters
/// sent (PDFs kept, no e-mail), the standstill ended and the contract recorded; so a fresh portal's OCDS feed shows tender, award
/// and contract. Made through the domain's own methods, dated in the past from the portal's clock.
/// </summary>
public static class EvaluationDemo
{
    public const string Title = "Overnight support in Glenmore North";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var reading = services.GetRequiredService<ResponseReading>();
        var letters = services.GetRequiredService<FeedbackLetters>();
        var glenmore = await db.Authorities.FirstOrDefaultAsync(a => a.Code == "glenmore", ct);
        if (glenmore is null || await db.Opportunities.AnyAsync(o => o.AuthorityId == glenmore.Id && o.Title == Title, ct)) return;
        var users = await db.Users.Where(u => u.Email == "commissioner@glenmore.example" || u.Email == "finance@glenmore.example" || u.Email == "panel@glenmore.example")
            .ToDictionaryAsync(u => u.Email!, ct);
        var providers = await db.Providers.Where(p => p.Name == "Bright Steps Care" || p.Name == "Loch View Community Care").ToDictionaryAsync(p => p.Name, ct);
        if (users.Count < 3 || providers.Count < 2) return;
        var commissioner = users["commissioner@glenmore.example"];
        var panel = users["panel@glenmore.example"];
        var now = clock.GetUtcNow();
        DateTimeOffset Ago(int days) => now.AddDays(-days);

        var o = Opportunity.CreateDraft(glenmore.Id, new OpportunityDetails
        {
            Kind = OpportunityKind.OpenTender, Title = Title,
            Summary = "Waking and sleepover support overnight for people living in their own homes in Glenmore North.",
            CpvCodes = ["85312000"], Localities = ["north"], ClientGroups = ["learning-disability"], EstimatedValuePence = 360_000_00, DurationMonths = 24,
            PublicationAt = Ago(70), SubmissionDeadline = Ago(40), ExpectedAwardOn = DateOnly.FromDateTime(Ago(20).UtcDateTime),
            ContractStartOn = DateOnly.FromDateTime(Ago(5).UtcDateTime), QualityWeight = 70, PriceWeight = 20, FairWorkWeight = 10,
        }, Ago(72), commissioner.DisplayName);
        o.Publish(Ago(70), commissioner.DisplayName);
        o.Close(Ago(40), commissioner.DisplayName);
        db.Opportunities.Add(o);

        var q = Questionnaire.For(o.Id, glenmore.Id);
        var section = q.AddSection("Working with each person");
        var plan = q.AddQuestion(section.Id, QuestionKind.Scored, "How will you make nights feel safe and familiar for each person?", null, 300, 60, 4, null, true);
        var staff = q.AddQuestion(section.Id, QuestionKind.Scored, "How will you keep the same staff on the same nights?", null, 200, 40, 4, null, true);
        var fair = q.AddSection("Fair work");
        var pay = q.AddQuestion(fair.Id, QuestionKind.Scored, "How do you pay and support night staff?", null, 200, 100, 4, null, true);
        var gate = q.AddQuestion(fair.Id, QuestionKind.PassFail, "Do you pay at least the Real Living Wage?", null, null, 0, 0, null, true);
        var line = q.AddPriceLine(null, "Sleepover support", PriceUnit.PerHour);
        db.Questionnaires.Add(q);

        var bids = new (string Provider, string[] Answers, long Pence)[]
        {
            ("Bright Steps Care", ["We start with a visit in daylight, so the night worker is a face the person already knows.", "Each person has a small team of three who cover their nights.", "Real Living Wage and paid sleepovers; a night allowance; supervision every month."], 21_85),
            ("Loch View Community Care", ["Our workers live locally and know the families.", "We are a small team, so the same two people cover most nights.", "We pay the Real Living Wage."], 16_90),
        };
        var responses = new List<TenderResponse>();
        foreach (var (provider, answers, pence) in bids)
        {
            var r = TenderResponse.Start(o.Id, providers[provider].Id, false, Ago(50), o.SubmissionDeadline);
            db.TenderResponses.Add(r);
            var rows = new[] { new TenderAnswer(r, plan.Id, answers[0]), new TenderAnswer(r, staff.Id, answers[1]), new TenderAnswer(r, pay.Id, answers[2]), new TenderAnswer(r, gate.Id, "yes") };
            var prices = new[] { new TenderPrice(r, line.Id, pence) };
            db.TenderAnswers.AddRange(rows);
            db.TenderPrices.AddRange(prices);
            r.Submit(Ago(45), o.SubmissionDeadline, false, ResponseReceipt.Hash(r, Ago(45), rows, prices, []));
            responses.Add(r);
        }
        var opening = ResponseOpening.For(o.Id, glenmore.Id);
        opening.Open(commissioner.Id, commissioner.DisplayName, Ago(39), o.SubmissionDeadline);
        opening.Open(users["finance@glenmore.example"].Id, users["finance@glenmore.example"].DisplayName, Ago(39), o.SubmissionDeadline);
        db.ResponseOpenings.Add(opening);
        if (!await db.SustainablePriceFloors.AnyAsync(f => f.AuthorityId == glenmore.Id, ct))
            db.SustainablePriceFloors.Add(SustainablePriceFloor.Set(glenmore.Id, DateOnly.FromDateTime(Ago(400).UtcDateTime), 12_60, 38m, Ago(400), commissioner.DisplayName));

        var e = Domain.Evaluations.Evaluation.Start(o.Id, glenmore.Id, Ago(38), commissioner.DisplayName);
        var lead = e.AddMember(commissioner.Id, commissioner.DisplayName, commissioner.Email!, PanelRole.Commissioner);
        var member = e.AddMember(panel.Id, panel.DisplayName, panel.Email!, PanelRole.LivedExperience);
        e.Assign(panel.Id, [plan.Id, staff.Id], new HashSet<Guid> { plan.Id, staff.Id });
        e.Declare(commissioner.Id, [], null, Ago(37));
        e.Declare(panel.Id, [], null, Ago(37));
        db.Evaluations.Add(e);
        var marks = new (PanelSeat Seat, TenderResponse Response, TenderQuestion Question, int Score, string Comment)[]
        {
            (lead, responses[0], plan, 4, "Meeting the worker in daylight first is exactly right."),
            (lead, responses[0], staff, 3, "A team of three is good; cover for holidays is not explained."),
            (lead, responses[0], pay, 4, "Paid sleepovers and supervision."),
            (lead, responses[1], plan, 3, "Local knowledge, but little about the person's own wishes."),
            (lead, responses[1], staff, 3, "Small team, consistent."),
            (lead, responses[1], pay, 2, "Says the Real Living Wage but nothing on sleepovers."),
            (member, responses[0], plan, 4, "I would feel safe knowing who was coming."),
            (member, responses[0], staff, 4, "The same faces matter most at night."),
            (member, responses[1], plan, 2, "It does not say how they would get to know me."),
            (member, responses[1], staff, 4, "Two people I would get to know well."),
        };
        foreach (var m in marks)
            db.EvaluatorScores.Add(EvaluatorScore.Record(null, e, m.Seat, m.Response.Id, m.Question.Id, m.Question.Number, m.Question.ScaleMax, m.Score, m.Comment, Ago(33)));
        e.StartModeration(Ago(30));
        foreach (var (r, question, score, reason) in new[]
                 {
                     (responses[0], plan, 4, "Both evaluators: a clear, personal plan."), (responses[0], staff, 4, "Consistent team; holiday cover confirmed at clarification."),
                     (responses[0], pay, 4, "Paid sleepovers, allowance, supervision."), (responses[1], plan, 2, "The panel agreed it says little about the person's wishes."),
                     (responses[1], staff, 4, "Two regular workers."), (responses[1], pay, 2, "Sleepover pay not explained."),
                 })
            e.RecordConsensus(r.Id, question.Id, 4, score, reason, Ago(29), commissioner.DisplayName);
        e.FinishModeration([], Ago(28));
        await db.SaveChangesAsync(ct);

        e.DecideAward(responses[0].Id, true, "The highest score on quality and fair work at a sustainable price; Loch View's price is below Glenmore's sustainable floor.", Ago(20), commissioner.DisplayName);
        o.RecordAward(OpportunityChangeKind.AwardDecided, "Award decided: Bright Steps Care.", Ago(20), commissioner.DisplayName);
        await db.SaveChangesAsync(ct);
        var board = await EvaluationBoard.BuildAsync(db, reading, o, e, ct);
        foreach (var bidder in board!.Bidders)
        {
            var letter = FeedbackLetter.Draft(e, bidder.Response.Id, bidder.Response.ProviderId, bidder.ProviderName, letters.DraftText(board, bidder), Ago(20));
            letter.MarkSent(FeedbackLetters.Pdf(board, bidder, letter.Text), Ago(19), commissioner.DisplayName);
            db.FeedbackLetters.Add(letter);
        }
        var ended = e.StandstillEndsAt!.Value;
        e.EndStandstill(ended);
        db.ContractRecords.Add(ContractRecord.For(e, providers["Bright Steps Care"].Id, "Bright Steps Care", o.Title, o.EstimatedValuePence, o.ContractStartOn, o.DurationMonths, ended));
        o.RecordAward(OpportunityChangeKind.AwardUpdated, "Standstill ended: the award to Bright Steps Care is active.", ended, "system");
        o.RecordAward(OpportunityChangeKind.ContractAwarded, "Contract recorded with Bright Steps Care.", ended.AddMilliseconds(1), "system");
        await db.SaveChangesAsync(ct);
    }
}
