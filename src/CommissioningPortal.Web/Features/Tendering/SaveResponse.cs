using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// A provider saves its draft response, or submits it (issue 15 part 4). Saving keeps whatever is typed, even over
/// a word limit (the form warns); submitting needs every question answered within its limit, a price for at least one
/// lot and the required documents, and must come by the deadline: one second late and it is refused with a clear
/// message, the stored draft untouched. A submission gets a receipt by e-mail with the time and the SHA-256 of what
/// was sent. What passport items prove is written into the response from the passport, never typed.
/// </summary>
public sealed class SaveResponse(PortalDbContext db, ResponseForms forms, TenderingNotices notices, TimeProvider clock)
{
    public sealed record Input(Guid OpportunityId, IReadOnlyDictionary<Guid, string?> Answers, IReadOnlyDictionary<Guid, string?> Prices, bool Submit);

    public async Task<UseCaseResult<TenderResponse>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<TenderResponse>.NotFound();
        var form = await forms.LoadAsync(input.OpportunityId, providerId, ct);
        if (form is null) return UseCaseResult<TenderResponse>.NotFound();
        var now = clock.GetUtcNow();
        var deadline = form.Opportunity.SubmissionDeadline;
        if (deadline is null || now > deadline)
            return UseCaseResult<TenderResponse>.Invalid(FieldError.Form, TenderResponse.DeadlinePassed(deadline));
        if (form.Response is { IsEditable: false })
            return UseCaseResult<TenderResponse>.Invalid(FieldError.Form, "Your response has been submitted. Withdraw it first if you want to change it; you can submit it again before the deadline.");

        var errors = new FieldErrors();
        var answers = new Dictionary<Guid, string?>();
        foreach (var q in form.Questions.Where(q => !form.FromPassport.ContainsKey(q.Id)))
        {
            var typed = input.Answers.GetValueOrDefault(q.Id);
            answers[q.Id] = typed;
            errors.Check($"Answers[{q.Id}]", q.AnswerProblem(typed, submitting: false, enforceWordLimit: false));
        }
        var prices = new Dictionary<Guid, long?>();
        foreach (var line in form.Questionnaire.PriceLines.OrderBy(l => l.Number))
        {
            prices[line.Id] = TenderingPages.ParsePounds(errors, $"Prices[{line.Id}]", $"The price for {line.Description}", input.Prices.GetValueOrDefault(line.Id));
        }
        if (errors.Any) return errors.Invalid<TenderResponse>();
        if (input.Submit)
        {
            var problems = form.SubmitProblems(answers, prices);
            if (form.Response is { } existing)
            {
                var waiting = await (from m in db.ConsortiumMembers join p in db.Providers on m.ProviderId equals p.Id
                                     where m.ResponseId == existing.Id && m.ConfirmedAt == null select p.Name).ToListAsync(ct);
                if (waiting.Count > 0)
                    problems.Add(new FieldError(FieldError.Form, $"Your consortium is waiting for {string.Join(", ", waiting)} to confirm. Ask them to confirm, then submit."));
            }
            if (await db.ResponseOpenings.AnyAsync(o => o.OpportunityId == input.OpportunityId && o.FirstOpenedAt != null, ct))
                problems.Insert(0, new FieldError(FieldError.Form, TenderResponse.DeadlinePassed(deadline)));
            if (problems.Count > 0) return UseCaseResult<TenderResponse>.Invalid(problems);
        }

        var response = await db.TenderResponses.FirstOrDefaultAsync(r => r.OpportunityId == input.OpportunityId && r.ProviderId == providerId, ct);
        if (response is null)
        {
            response = TenderResponse.Start(input.OpportunityId, providerId, form.ShortForm, now, deadline);
            db.TenderResponses.Add(response);
        }
        var stored = await db.OwnContent<TenderAnswer>(providerId, response.Id).ToDictionaryAsync(a => a.QuestionId, ct);
        if (input.Submit)
        {
            foreach (var (questionId, passport) in form.FromPassport) answers[questionId] = passport.Text;
        }
        foreach (var (questionId, text) in answers)
        {
            if (stored.TryGetValue(questionId, out var answer)) answer.Change(text);
            else db.TenderAnswers.Add(new TenderAnswer(response, questionId, text));
        }
        var storedPrices = await db.OwnContent<TenderPrice>(providerId, response.Id).ToDictionaryAsync(p => p.PriceLineId, ct);
        foreach (var (lineId, amount) in prices)
        {
            if (storedPrices.TryGetValue(lineId, out var price)) price.Change(amount);
            else db.TenderPrices.Add(new TenderPrice(response, lineId, amount));
        }
        response.Touch(now);
        if (input.Submit)
        {
            var questionIds = form.Questions.Select(q => q.Id).ToHashSet();
            var sent = answers.Where(a => questionIds.Contains(a.Key)).Select(a => new TenderAnswer(response, a.Key, a.Value));
            var sha = ResponseReceipt.Hash(response, now, sent, prices.Select(p => new TenderPrice(response, p.Key, p.Value)),
                form.Attached.Where(d => form.Documents.Any(r => r.Id == d.RequiredDocumentId)).Select(d => (d.RequiredDocumentId, d.Sha256)));
            response.Submit(now, deadline, opened: false, sha);
            await notices.ReceiptAsync(form.Opportunity, response, actor, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<TenderResponse>.Conflict("Your response was changed somewhere else at the same moment (another tab or a colleague). Reload the page to see the latest version.");
        }
        return UseCaseResult<TenderResponse>.Done(response);
    }
}

/// <summary>A provider takes back a submitted response before the deadline, to change it and submit it again.</summary>
public sealed class WithdrawResponse(PortalDbContext db, TimeProvider clock)
{
    public async Task<UseCaseResult<TenderResponse>> HandleAsync(Guid opportunityId, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<TenderResponse>.NotFound();
        var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == opportunityId, ct);
        var response = await db.TenderResponses.FirstOrDefaultAsync(r => r.OpportunityId == opportunityId && r.ProviderId == providerId, ct);
        if (opportunity is null || response is null) return UseCaseResult<TenderResponse>.NotFound();
        try
        {
            response.Withdraw(clock.GetUtcNow(), opportunity.SubmissionDeadline);
            await db.SaveChangesAsync(ct);
        }
        catch (TenderingRuleException e)
        {
            return UseCaseResult<TenderResponse>.Invalid(FieldError.Form, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult<TenderResponse>.Conflict("Your response was changed somewhere else at the same moment. Reload the page to see the latest version.");
        }
        return UseCaseResult<TenderResponse>.Done(response);
    }
}
