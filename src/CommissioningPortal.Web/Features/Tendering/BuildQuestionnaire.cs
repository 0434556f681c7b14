using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// The commissioner builds an opportunity's questionnaire (issue 15 part 4): sections, questions (written and scored,
/// or pass/fail; guidance, word limit, weight, scale; a passport item that answers it), a price schedule per lot, the
/// documents required, and the value below which micro-providers and Personal Assistants get the short form.
/// Each change is checked whole by the domain and saved alone; the questionnaire can change only before the deadline.
/// </summary>
public sealed class BuildQuestionnaire(PortalDbContext db, TimeProvider clock)
{
    public sealed record QuestionInput(string? SectionId, string? Kind, string? Text, string? Guidance, string? WordLimit, string? Weight, string? ScaleMax,
        string? ProvedBy, bool InShortForm);

    public async Task<Questionnaire?> LoadAsync(Guid opportunityId, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        if (opportunity is null) return null;
        return await db.Questionnaires.AsSplitQuery().Include(q => q.Sections).Include(q => q.Questions).Include(q => q.PriceLines).Include(q => q.Documents)
                   .FirstOrDefaultAsync(q => q.OpportunityId == opportunityId, ct)
               ?? db.Questionnaires.Add(Questionnaire.For(opportunityId, opportunity.AuthorityId)).Entity;
    }

    public Task<UseCaseResult<Questionnaire>> AddSectionAsync(Guid opportunityId, string? title, Actor actor, CancellationToken ct) =>
        ChangeAsync(opportunityId, actor, ct, (q, _) => q.AddSection(title ?? ""));

    public Task<UseCaseResult<Questionnaire>> AddQuestionAsync(Guid opportunityId, QuestionInput input, Actor actor, CancellationToken ct) =>
        ChangeAsync(opportunityId, actor, ct, (q, errors) =>
        {
            var kind = input.Kind == nameof(QuestionKind.PassFail) ? QuestionKind.PassFail : QuestionKind.Scored;
            if (!Guid.TryParse(input.SectionId, out var sectionId)) errors.Add(nameof(input.SectionId), "Choose the section the question goes in.");
            var wordLimit = Whole(errors, nameof(input.WordLimit), "The word limit", input.WordLimit);
            var weight = Whole(errors, nameof(input.Weight), "The weight", input.Weight) ?? 0;
            var scale = Whole(errors, nameof(input.ScaleMax), "The scoring scale", input.ScaleMax) ?? 4;
            PassportItemKind? provedBy = null;
            if (!string.IsNullOrEmpty(input.ProvedBy))
            {
                if (Enum.TryParse<PassportItemKind>(input.ProvedBy, out var k) && Enum.IsDefined(k)) provedBy = k;
                else errors.Add(nameof(input.ProvedBy), "Choose a passport item from the list, or none.");
            }
            if (errors.Any) return;
            q.AddQuestion(sectionId, kind, input.Text ?? "", input.Guidance, wordLimit, weight, scale, provedBy, input.InShortForm);
        });

    public Task<UseCaseResult<Questionnaire>> AddPriceLineAsync(Guid opportunityId, string? lotId, string? description, string? unit, Actor actor, CancellationToken ct) =>
        ChangeAsync(opportunityId, actor, ct, (q, errors) =>
        {
            Guid? lot = null;
            if (!string.IsNullOrEmpty(lotId))
            {
                if (Guid.TryParse(lotId, out var l)) lot = l;
                else errors.Add("LotId", "Choose a lot from the list, or the whole opportunity.");
            }
            if (!Enum.TryParse<PriceUnit>(unit, out var u) || !Enum.IsDefined(u)) errors.Add("Unit", "Choose per hour, per week, per outcome or a block amount.");
            if (errors.Any) return;
            q.AddPriceLine(lot, description ?? "", u);
        });

    public Task<UseCaseResult<Questionnaire>> AddDocumentAsync(Guid opportunityId, string? title, string? guidance, bool inShortForm, Actor actor, CancellationToken ct) =>
        ChangeAsync(opportunityId, actor, ct, (q, _) => q.AddDocument(title ?? "", guidance, inShortForm));

    public Task<UseCaseResult<Questionnaire>> SetShortFormAsync(Guid opportunityId, string? below, Actor actor, CancellationToken ct) =>
        ChangeAsync(opportunityId, actor, ct, (q, errors) =>
        {
            var pence = TenderingPages.ParsePounds(errors, "ShortFormBelow", "The short-form value", below);
            if (errors.Any) return;
            q.SetShortFormThreshold(pence);
        });

    public Task<UseCaseResult<Questionnaire>> RemoveQuestionAsync(Guid opportunityId, Guid questionId, Actor actor, CancellationToken ct) =>
        ChangeAsync(opportunityId, actor, ct, (q, _) => q.RemoveQuestion(questionId));

    private async Task<UseCaseResult<Questionnaire>> ChangeAsync(Guid opportunityId, Actor actor, CancellationToken ct, Action<Questionnaire, FieldErrors> change)
    {
        var opportunity = await db.OwnOpportunityAsync(actor, opportunityId, ct);
        if (opportunity is null) return UseCaseResult<Questionnaire>.NotFound();
        if (opportunity.SubmissionDeadline is not { } deadline || clock.GetUtcNow() > deadline)
            return UseCaseResult<Questionnaire>.Invalid(FieldError.Form, "The deadline has passed: the questionnaire can no longer change.");
        var questionnaire = (await LoadAsync(opportunityId, actor, ct))!;
        var errors = new FieldErrors();
        try
        {
            change(questionnaire, errors);
        }
        catch (TenderingRuleException e)
        {
            errors.Add(e.Field ?? FieldError.Form, e.Message);
        }
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.Invalid<Questionnaire>();
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<Questionnaire>.Conflict("A colleague changed the questionnaire at the same moment. Reload the page and make your change again.");
        }
        return UseCaseResult<Questionnaire>.Done(questionnaire);
    }

    private static int? Whole(FieldErrors errors, string field, string label, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (int.TryParse(typed.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, $"{label} must be a whole number, like 300.");
        return null;
    }
}
