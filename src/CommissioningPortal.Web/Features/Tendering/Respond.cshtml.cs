using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.ProviderOnboarding;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// <c>/tenders/{id}/respond</c>: a provider's response to a published opportunity. Save and come back; attach the
/// documents asked for; submit (a receipt is e-mailed); withdraw and submit again, all until the deadline. A late
/// submission is refused with the reason and what was typed is kept on the form; the saved draft is untouched.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
[RequestSizeLimit(PassportItemModel.MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = PassportItemModel.MaxRequestBytes)]
public sealed class RespondModel(ResponseForms forms, SaveResponse save, AttachDocument attach, WithdrawResponse withdraw) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public Dictionary<Guid, string?> Answers { get; set; } = [];
    [BindProperty] public Dictionary<Guid, string?> Prices { get; set; } = [];

    public ResponseForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Answers = Form.Answers.ToDictionary(a => a.Key, a => a.Value);
        Prices = Form.Prices.ToDictionary(p => p.Key, p => p.Value is { } v ? (v / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : null);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var result = await withdraw.HandleAsync(Id, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = "Your response is withdrawn: it is a draft again and will not be counted unless you submit it before the deadline.";
        return Redirect($"/tenders/{Id}/respond");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid documentId, CancellationToken ct)
    {
        var result = await attach.RemoveAsync(Id, documentId, Actor.Of(User), ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = "The document is removed from your draft.";
        return Redirect($"/tenders/{Id}/respond#documents");
    }

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var actor = Actor.Of(User);
        // Files first, each checked; a refused file stops the save so what was typed stays on the form to send again.
        foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("Document-", StringComparison.Ordinal)))
        {
            if (!Guid.TryParse(file.Name["Document-".Length..], out var documentId)) continue;
            var attached = await attach.HandleAsync(Id, documentId, new AttachDocument.Upload(file.FileName, file.Length, file.OpenReadStream), actor, ct);
            if (!attached.Succeeded) return await RefusedAsync(attached, ct);
        }
        var result = await save.HandleAsync(new SaveResponse.Input(Id, Answers, Prices, submit), actor, ct);
        if (!result.Succeeded) return await RefusedAsync(result, ct);
        TempData["StatusMessage"] = submit
            ? $"Your response is submitted. We have e-mailed you a receipt with the time and its SHA-256 fingerprint: {result.Value!.ReceiptSha256}."
            : "Your draft is saved. Come back to it any time before the deadline.";
        return Redirect($"/tenders/{Id}/respond");
    }

    private async Task<IActionResult> RefusedAsync<T>(UseCaseResult<T> result, CancellationToken ct)
    {
        if (result.Outcome == UseCaseOutcome.NotFound || !await LoadAsync(ct)) return NotFound();
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.ProviderIdOf() is not { } providerId) return false;
        var form = await forms.LoadAsync(Id, providerId, ct);
        if (form is null) return false;
        Form = form;
        return true;
    }
}
