using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Web.Features.ProviderOnboarding;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// A provider attaches a document the questionnaire asks for to its draft (replacing one attached before for the same
/// document), or removes it. The file is checked by its content (PDF, JPG or PNG) and its size; it is kept in the
/// database as sealed content, so nobody but the provider can read it before the responses are opened.
/// </summary>
public sealed class AttachDocument(PortalDbContext db, ResponseForms forms, TimeProvider clock, IOptions<StorageOptions> storage)
{
    public sealed record Upload(string FileName, long Length, Func<Stream> OpenRead);

    public long MaxBytes => storage.Value.MaxEvidenceBytes;

    public async Task<UseCaseResult<TenderResponse>> HandleAsync(Guid opportunityId, Guid requiredDocumentId, Upload? upload, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<TenderResponse>.NotFound();
        var form = await forms.LoadAsync(opportunityId, providerId, ct);
        if (form is null) return UseCaseResult<TenderResponse>.NotFound();
        var field = $"Document-{requiredDocumentId}";
        var required = form.Documents.FirstOrDefault(d => d.Id == requiredDocumentId);
        if (required is null) return UseCaseResult<TenderResponse>.Invalid(field, "Choose which document you are attaching.");
        var now = clock.GetUtcNow();
        if (form.Opportunity.SubmissionDeadline is not { } deadline || now > deadline)
            return UseCaseResult<TenderResponse>.Invalid(field, TenderResponse.DeadlinePassed(form.Opportunity.SubmissionDeadline));
        if (form.Response is { IsEditable: false })
            return UseCaseResult<TenderResponse>.Invalid(field, "Your response has been submitted. Withdraw it first if you want to change its documents.");
        if (upload is null || upload.Length == 0)
            return UseCaseResult<TenderResponse>.Invalid(field, $"Choose the file for the {required.Title.ToLowerInvariant()}: {EvidenceFile.Accepted}.");
        if (upload.Length > MaxBytes)
            return UseCaseResult<TenderResponse>.Invalid(field, $"The file for the {required.Title.ToLowerInvariant()} is {upload.Length / (1024 * 1024)} MB: it must be smaller than {MaxBytes / (1024 * 1024)} MB.");
        byte[] content;
        await using (var stream = upload.OpenRead())
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        if (EvidenceFile.Sniff(content.AsSpan(0, Math.Min(16, content.Length))) is not { } type)
            return UseCaseResult<TenderResponse>.Invalid(field, $"The file for the {required.Title.ToLowerInvariant()} must be {EvidenceFile.Accepted}.");

        var response = await db.TenderResponses.FirstOrDefaultAsync(r => r.OpportunityId == opportunityId && r.ProviderId == providerId, ct);
        if (response is null)
        {
            response = TenderResponse.Start(opportunityId, providerId, form.ShortForm, now, deadline);
            db.TenderResponses.Add(response);
        }
        foreach (var old in await db.OwnContent<TenderDocument>(providerId, response.Id).Where(d => d.RequiredDocumentId == requiredDocumentId).ToListAsync(ct))
            db.TenderDocuments.Remove(old);
        var name = Path.GetFileName(upload.FileName) is { Length: > 0 and <= 200 } n ? n : "document" + type.Extension;
        db.TenderDocuments.Add(new TenderDocument(response, requiredDocumentId, name, type.ContentType, content));
        response.Touch(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<TenderResponse>.Conflict("Your response was changed somewhere else at the same moment. Reload the page and attach the file again.");
        }
        return UseCaseResult<TenderResponse>.Done(response);
    }

    public async Task<UseCaseResult<TenderResponse>> RemoveAsync(Guid opportunityId, Guid documentId, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<TenderResponse>.NotFound();
        var opportunity = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == opportunityId, ct);
        var response = await db.TenderResponses.FirstOrDefaultAsync(r => r.OpportunityId == opportunityId && r.ProviderId == providerId, ct);
        if (opportunity is null || response is null) return UseCaseResult<TenderResponse>.NotFound();
        try
        {
            response.RequireEditable(clock.GetUtcNow(), opportunity.SubmissionDeadline);
        }
        catch (TenderingRuleException e)
        {
            return UseCaseResult<TenderResponse>.Invalid(FieldError.Form, e.Message);
        }
        var document = await db.OwnContent<TenderDocument>(providerId, response.Id).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return UseCaseResult<TenderResponse>.NotFound();
        db.TenderDocuments.Remove(document);
        response.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<TenderResponse>.Done(response);
    }
}
