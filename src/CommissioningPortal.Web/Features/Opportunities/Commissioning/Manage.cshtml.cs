using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// <c>/authority/{authority}/opportunities/{id}</c>: one opportunity as its commissioner works on it: what to do
/// next, its process's stage, tasks and next steps (as the engine offers them), lots (added and removed while a
/// draft), documents (attached and removed) and the change log.
/// </summary>
[Authorize(Policy = Policies.AuthorityCommissioner)]
[RequestSizeLimit(MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ManageModel(PortalDbContext db, OpportunityProcess process, ChangeOpportunityLots lots, OpportunityDocuments documents) : PageModel
{
    /// <summary>Above the document limit, so an oversized file gets a message rather than a dropped connection.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    [FromRoute] public string Authority { get; set; } = "";
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public string? LotTitle { get; set; }
    [BindProperty] public string? LotDescription { get; set; }
    [BindProperty] public string? LotValue { get; set; }
    [BindProperty] public string? DocumentTitle { get; set; }
    [BindProperty] public IFormFile? Document { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;
    public Authority AuthorityRecord { get; private set; } = null!;
    public WorkflowInstance? Instance { get; private set; }
    public string? StageTitle { get; private set; }
    public IReadOnlyList<WorkItem> Tasks { get; private set; } = [];
    public IReadOnlyList<AvailableTransition> NextSteps { get; private set; } = [];
    public IReadOnlyList<string> PublishProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [OneTimeForm]
    public async Task<IActionResult> OnPostAddLotAsync(CancellationToken ct)
    {
        return await DoneAsync(await lots.AddAsync(Id, new ChangeOpportunityLots.NewLot(LotTitle, LotDescription, LotValue), Actor.Of(User), ct), v => $"Lot {v.Number} added: {v.Title}.", "lots", ct);
    }

    public async Task<IActionResult> OnPostRemoveLotAsync(Guid lotId, CancellationToken ct)
    {
        return await DoneAsync(await lots.RemoveAsync(Id, lotId, Actor.Of(User), ct), v => $"Lot removed: {v.Title}.", "lots", ct);
    }

    [OneTimeForm]
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var upload = Document is { } file ? new OpportunityDocuments.Upload(file.FileName, file.Length, file.OpenReadStream) : null;
        return await DoneAsync(await documents.AttachAsync(Id, DocumentTitle, upload, Actor.Of(User), ct), v => $"Document attached: {v.Title}.", "documents", ct);
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(Guid documentId, CancellationToken ct)
    {
        return await DoneAsync(await documents.RemoveAsync(Id, documentId, Actor.Of(User), ct), v => $"Document removed: {v.Title}.", "documents", ct);
    }

    /// <summary>Back to the section changed, with what happened; or the form again with the problems.</summary>
    private async Task<IActionResult> DoneAsync<T>(UseCaseResult<T> result, Func<T, string> message, string section, CancellationToken ct)
    {
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = message(result.Value!);
        return Redirect($"/authority/{Authority}/opportunities/{Id}#{section}");
    }

    private async Task<IActionResult> RefusedAsync<T>(UseCaseResult<T> result, CancellationToken ct)
    {
        if (result.Outcome == UseCaseOutcome.NotFound || !await LoadAsync(ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == Authority, ct);
        if (authority is null) return false;
        AuthorityRecord = authority;
        db.ChangeTracker.Clear();
        var actor = Actor.Of(User);
        var opportunity = await db.MineAsync(actor, Id, ct);
        if (opportunity is null || opportunity.AuthorityId != authority.Id) return false;
        Opportunity = opportunity;
        if (opportunity.Status == OpportunityStatus.Draft) PublishProblems = opportunity.PublishProblems(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        if (await process.StatusAsync(Id, actor, ct) is { } status)
        {
            (Instance, StageTitle, Tasks, NextSteps) = status;
        }
        return true;
    }
}
