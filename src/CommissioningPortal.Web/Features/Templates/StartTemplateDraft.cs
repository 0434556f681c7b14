using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Web.Features.Agreements;

namespace CommissioningPortal.Web.Features.Templates;

/// <summary>
/// A commissioner opens their authority's draft agreement template: the open draft if there is one,
/// otherwise a new version copied from the newest (or, for the first, the portal's default).
/// </summary>
public sealed class StartTemplateDraft(AuthorityTemplates templates, PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string AuthorityCode);

    /// <returns>The draft's id.</returns>
    public async Task<UseCaseResult<Guid>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await templates.AuthorityAsync(actor, input.AuthorityCode, ct) is not { } authority) return UseCaseResult<Guid>.NotFound();
        var existing = await db.ContractTemplates.Where(t => t.AuthorityId == authority.Id && t.Kind == AgreementService.TemplateKind).ToListAsync(ct);
        var draft = ContractTemplate.DraftFor(existing, authority.Id, AgreementService.TemplateKind, AgreementDocuments.DefaultTemplate, actor.Name, clock.GetUtcNow(), out var created);
        if (!created) return UseCaseResult<Guid>.Done(draft.Id);
        db.ContractTemplates.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else started the same version at the same moment: theirs is the draft.
            db.ChangeTracker.Clear();
            var theirs = await db.ContractTemplates.AsNoTracking()
                .FirstOrDefaultAsync(t => t.AuthorityId == authority.Id && t.Kind == AgreementService.TemplateKind && t.PublishedAt == null, CancellationToken.None);
            if (theirs is null) throw;
            return UseCaseResult<Guid>.Done(theirs.Id);
        }
        return UseCaseResult<Guid>.Done(draft.Id);
    }
}
