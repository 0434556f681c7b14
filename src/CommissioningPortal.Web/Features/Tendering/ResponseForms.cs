using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>A question the provider's verified passport already answers: shown as answered, never asked.</summary>
public sealed record PassportAnswer(Guid QuestionId, PassportItemKind Kind, string? Number, DateTimeOffset? VerifiedAt)
{
    public string Text => $"Answered from your verified passport: {TenderingPages.Passport(Kind)}{(Number is { } n ? $" ({n})" : "")}, checked {TenderingPages.When(VerifiedAt)}.";
}

/// <summary>Everything a provider's response form shows: the questionnaire (whole or short form), the provider's own draft and what its passport answers.</summary>
public sealed class ResponseForm
{
    public required Opportunity Opportunity { get; init; }
    public required Questionnaire Questionnaire { get; init; }
    public required Provider Provider { get; init; }
    public TenderResponse? Response { get; init; }
    public required bool ShortForm { get; init; }
    public required IReadOnlyList<TenderQuestion> Questions { get; init; }
    public required IReadOnlyList<RequiredDocument> Documents { get; init; }
    public required IReadOnlyDictionary<Guid, PassportAnswer> FromPassport { get; init; }
    public required IReadOnlyDictionary<Guid, string?> Answers { get; init; }
    public required IReadOnlyDictionary<Guid, long?> Prices { get; init; }
    public required IReadOnlyList<AttachedDocument> Attached { get; init; }
    public required DateTimeOffset Now { get; init; }

    public bool DeadlinePassed => Opportunity.SubmissionDeadline is not { } d || Now > d;
    public bool Editable => !DeadlinePassed && (Response?.IsEditable ?? true);

    public IEnumerable<QuestionnaireSection> Sections => Questionnaire.Sections.OrderBy(s => s.Number).Where(s => Questions.Any(q => q.SectionId == s.Id));

    /// <summary>Why this response cannot be submitted as it stands, a message per field (empty when it can).</summary>
    public List<FieldError> SubmitProblems(IReadOnlyDictionary<Guid, string?> answers, IReadOnlyDictionary<Guid, long?> prices)
    {
        var problems = new List<FieldError>();
        foreach (var q in Questions.Where(q => !FromPassport.ContainsKey(q.Id)))
        {
            if (q.AnswerProblem(answers.GetValueOrDefault(q.Id), submitting: true) is { } p) problems.Add(new FieldError($"Answers[{q.Id}]", p));
        }
        if (Questionnaire.PriceLines.Count > 0 && !Questionnaire.PriceLines.Any(l => prices.GetValueOrDefault(l.Id) is not null))
            problems.Add(new FieldError($"Prices[{Questionnaire.PriceLines.OrderBy(l => l.Number).First().Id}]", "Give at least one price: fill in the prices for the lots you are bidding for."));
        foreach (var d in Documents.Where(d => Attached.All(a => a.RequiredDocumentId != d.Id)))
            problems.Add(new FieldError($"Document-{d.Id}", $"Attach the {d.Title.ToLowerInvariant()} before you submit."));
        return problems;
    }
}

/// <summary>Loads a provider's response form; the one place the provider's own sealed content is read (<see cref="SealedResponses.OwnContent{T}"/>).</summary>
public sealed class ResponseForms(PortalDbContext db, TimeProvider clock)
{
    public static bool IsSmall(Provider provider) => provider.Kind is ProviderKind.MicroProvider or ProviderKind.PersonalAssistant;

    public async Task<ResponseForm?> LoadAsync(Guid opportunityId, Guid providerId, CancellationToken ct)
    {
        var opportunity = await db.OpenOpportunityAsync(opportunityId, ct)
                          ?? await db.Opportunities.AsNoTracking().Include(o => o.Lots).FirstOrDefaultAsync(o => o.Id == opportunityId && o.Status == OpportunityStatus.Closed, ct);
        if (opportunity is null) return null;
        var questionnaire = await db.Questionnaires.AsNoTracking().AsSplitQuery().Include(q => q.Sections).Include(q => q.Questions).Include(q => q.PriceLines).Include(q => q.Documents)
            .FirstOrDefaultAsync(q => q.OpportunityId == opportunityId, ct);
        if (questionnaire is null) return null;
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, ct);
        if (provider is null) return null;
        var response = await db.TenderResponses.AsNoTracking().FirstOrDefaultAsync(r => r.OpportunityId == opportunityId && r.ProviderId == providerId, ct);
        var shortForm = response?.ShortForm ?? questionnaire.OffersShortForm(IsSmall(provider), opportunity.EstimatedValuePence);
        var questions = questionnaire.QuestionsFor(shortForm).ToList();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var kinds = questions.Where(q => q.ProvedBy is not null).Select(q => q.ProvedBy!.Value).Distinct().ToList();
        var items = kinds.Count == 0 ? [] : await db.PassportItems.AsNoTracking().Where(i => i.ProviderId == providerId && kinds.Contains(i.Kind)).ToListAsync(ct);
        var fromPassport = new Dictionary<Guid, PassportAnswer>();
        foreach (var q in questions.Where(q => q.ProvedBy is not null))
        {
            if (items.Where(i => i.Kind == q.ProvedBy && i.IsValidOn(today)).OrderByDescending(i => i.VerifiedAt).FirstOrDefault() is { } item)
                fromPassport[q.Id] = new PassportAnswer(q.Id, item.Kind, item.Number, item.VerifiedAt);
        }
        Dictionary<Guid, string?> answers = [];
        Dictionary<Guid, long?> prices = [];
        List<AttachedDocument> attached = [];
        if (response is not null)
        {
            answers = await db.OwnContent<TenderAnswer>(providerId, response.Id).AsNoTracking().ToDictionaryAsync(a => a.QuestionId, a => a.Text, ct);
            prices = await db.OwnContent<TenderPrice>(providerId, response.Id).AsNoTracking().ToDictionaryAsync(a => a.PriceLineId, a => a.AmountPence, ct);
            attached = await db.OwnContent<TenderDocument>(providerId, response.Id).AsNoTracking()
                .Select(d => new AttachedDocument(d.Id, d.RequiredDocumentId, d.FileName, d.ContentType, d.Size, d.Sha256)).ToListAsync(ct);
        }
        return new ResponseForm
        {
            Opportunity = opportunity, Questionnaire = questionnaire, Provider = provider, Response = response, ShortForm = shortForm,
            Questions = questions, Documents = questionnaire.DocumentsFor(shortForm).ToList(), FromPassport = fromPassport,
            Answers = answers, Prices = prices, Attached = attached, Now = now,
        };
    }
}

/// <summary>An attached document without its bytes (the form lists them; it never needs the file).</summary>
public sealed record AttachedDocument(Guid Id, Guid RequiredDocumentId, string FileName, string ContentType, long Size, string Sha256, Guid ResponseId = default);
