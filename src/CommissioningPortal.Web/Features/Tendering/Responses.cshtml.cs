using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>What a commissioner may know of an opportunity's responses: before opening only how many are in; after, who and what.</summary>
public sealed class ResponseReading(PortalDbContext db)
{
    public sealed record Envelope(TenderResponse Response, string ProviderName);

    public async Task<ResponseOpening?> OpeningAsync(Guid opportunityId, CancellationToken ct) =>
        await db.ResponseOpenings.AsNoTracking().FirstOrDefaultAsync(o => o.OpportunityId == opportunityId, ct);

    /// <summary>The submitted responses' envelopes, only once the responses are open (before, the list is empty).</summary>
    public async Task<IReadOnlyList<Envelope>> OpenedAsync(Guid opportunityId, CancellationToken ct)
    {
        if (await OpeningAsync(opportunityId, ct) is not { IsOpen: true }) return [];
        var rows = await (from r in db.TenderResponses.AsNoTracking()
                          join p in db.Providers on r.ProviderId equals p.Id
                          where r.OpportunityId == opportunityId && r.Status == ResponseStatus.Submitted
                          select new { r, p.Name }).ToListAsync(ct);
        return rows.OrderBy(x => x.r.SubmittedAt).Select(x => new Envelope(x.r, x.Name)).ToList();
    }

    /// <summary>Answers, prices and documents (without bytes) as the data layer gives them: nothing until the responses are open (ADR 0019).</summary>
    public async Task<(List<TenderAnswer> Answers, List<TenderPrice> Prices, List<AttachedDocument> Documents)> ContentAsync(Guid opportunityId, Guid? responseId, CancellationToken ct)
    {
        var answers = await db.TenderAnswers.AsNoTracking().Where(a => a.OpportunityId == opportunityId && (responseId == null || a.ResponseId == responseId)).ToListAsync(ct);
        var prices = await db.TenderPrices.AsNoTracking().Where(a => a.OpportunityId == opportunityId && (responseId == null || a.ResponseId == responseId)).ToListAsync(ct);
        var documents = await db.TenderDocuments.AsNoTracking().Where(a => a.OpportunityId == opportunityId && (responseId == null || a.ResponseId == responseId))
            .Select(d => new AttachedDocument(d.Id, d.RequiredDocumentId, d.FileName, d.ContentType, d.Size, d.Sha256, d.ResponseId)).ToListAsync(ct);
        return (answers, prices, documents);
    }
}

/// <summary>
/// <c>/tendering/{id}/responses</c>: sealed until the deadline; then two different users of the authority each open
/// them (recorded with the time); after the second, the list of responses and a CSV of every answer and price.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ResponsesModel(PortalDbContext db, ResponseReading reading, OpenResponses open, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public ResponseOpening? Opening { get; private set; }
    public int Submitted { get; private set; }
    public bool DeadlinePassed { get; private set; }
    public IReadOnlyList<ResponseReading.Envelope> Responses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var result = await open.HandleAsync(Id, Actor.Of(User), ct);
        if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(ct)) return NotFound();
            return this.Refused(result);
        }
        TempData["StatusMessage"] = result.Value!.IsOpen
            ? "The responses are open."
            : "You have opened the responses. They stay sealed until a second colleague opens them too.";
        return Redirect($"/tendering/{Id}/responses");
    }

    /// <summary>Every answer and price of every response, one row each; before opening, the header only (the data layer returns nothing).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var questionnaire = await db.Questionnaires.AsNoTracking().AsSplitQuery().Include(q => q.Questions).Include(q => q.PriceLines).FirstOrDefaultAsync(q => q.OpportunityId == Id, ct);
        var (answers, prices, documents) = await reading.ContentAsync(Id, null, ct);
        // A panel member's conflicts (and an undeclared member's everything) are left out (issue 16).
        var hidden = await Evaluation.EvaluationAccess.HiddenResponsesAsync(db, Actor.Of(User).UserId, Id, Responses, ct);
        answers.RemoveAll(a => hidden.Contains(a.ResponseId));
        prices.RemoveAll(a => hidden.Contains(a.ResponseId));
        documents.RemoveAll(a => hidden.Contains(a.ResponseId));
        var names = Responses.ToDictionary(r => r.Response.Id, r => r.ProviderName);
        var rows = new List<object?[]>();
        foreach (var a in answers)
        {
            var q = questionnaire?.Questions.FirstOrDefault(x => x.Id == a.QuestionId);
            rows.Add([names.GetValueOrDefault(a.ResponseId), "Answer", q is null ? "" : $"Question {q.Number}: {q.Text}", a.Text]);
        }
        foreach (var p in prices)
        {
            var line = questionnaire?.PriceLines.FirstOrDefault(x => x.Id == p.PriceLineId);
            rows.Add([names.GetValueOrDefault(p.ResponseId), "Price", line is null ? "" : $"{line.Description} ({TenderingPages.Unit(line.Unit)})", TenderingPages.Money(p.AmountPence)]);
        }
        foreach (var d in documents)
        {
            rows.Add([names.GetValueOrDefault(d.ResponseId), "Document", d.FileName, d.Sha256]);
        }
        return File(Csv.Bytes(["Provider", "Kind", "Question, price or document", "Answer, amount or SHA-256"], rows, r => r), Csv.ContentType, $"responses-{Id:N}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        if (opportunity is null) return false;
        Opportunity = opportunity;
        Opening = await reading.OpeningAsync(Id, ct);
        Submitted = await db.TenderResponses.CountAsync(r => r.OpportunityId == Id && r.Status == ResponseStatus.Submitted, ct);
        DeadlinePassed = opportunity.SubmissionDeadline is not { } d || clock.GetUtcNow() > d;
        Responses = await reading.OpenedAsync(Id, ct);
        return true;
    }
}

/// <summary><c>/tendering/{id}/responses/{responseId}</c>: one opened response — its answers, prices and documents. Sealed, it is not found.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ResponseModel(PortalDbContext db, ResponseReading reading) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid ResponseId { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public Questionnaire? Questionnaire { get; private set; }
    public ResponseReading.Envelope Envelope { get; private set; } = null!;
    public List<TenderAnswer> Answers { get; private set; } = [];
    public List<TenderPrice> Prices { get; private set; } = [];
    public List<AttachedDocument> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var document = await db.TenderDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ResponseId == ResponseId, ct);
        if (document is null) return NotFound();
        return File(document.Content, document.ContentType, ProviderOnboarding.EvidenceFile.DownloadName(document.FileName, document.ContentType));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var opportunity = await db.OwnOpportunityAsync(Actor.Of(User), Id, ct);
        if (opportunity is null) return false;
        var envelope = (await reading.OpenedAsync(Id, ct)).FirstOrDefault(e => e.Response.Id == ResponseId);
        if (envelope is null) return false;
        // A commissioner on the evaluation panel reads no response before declaring interests, and never one they are conflicted with (issue 16).
        var (blocked, mustDeclare) = await Evaluation.EvaluationAccess.ResponseBlockedAsync(db, Actor.Of(User).UserId, Id, envelope.Response.ProviderId, ct);
        if (blocked || mustDeclare) return false;
        Opportunity = opportunity;
        Envelope = envelope;
        Questionnaire = await db.Questionnaires.AsNoTracking().AsSplitQuery().Include(q => q.Sections).Include(q => q.Questions).Include(q => q.PriceLines).Include(q => q.Documents)
            .FirstOrDefaultAsync(q => q.OpportunityId == Id, ct);
        (Answers, Prices, Documents) = await reading.ContentAsync(Id, ResponseId, ct);
        return true;
    }
}
