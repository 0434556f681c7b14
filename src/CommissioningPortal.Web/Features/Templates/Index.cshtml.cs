using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Agreements;

namespace CommissioningPortal.Web.Features.Templates;

/// <summary>An authority's agreement templates: every version, which one is in use, and a new draft.</summary>
[Authorize(Policy = Policies.AuthorityAdmin)]
[OneTimeForm]
public sealed class IndexModel(PortalDbContext db, StartTemplateDraft startDraft) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public IReadOnlyList<ContractTemplate> Templates { get; private set; } = [];
    public ContractTemplate? InUse => Templates.Where(t => t.IsPublished).MaxBy(t => t.Number);

    /// <summary>The default template's section headings, so an authority sees what it starts from.</summary>
    public static IReadOnlyList<string> DefaultSections { get; } = AgreementDocuments.DefaultTemplate.Split('\n')
        .Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();

    public async Task<IActionResult> OnGetAsync(string authority, CancellationToken ct) => await LoadAsync(authority, ct) ? Page() : NotFound();

    /// <summary>Opens the draft: the one in progress, or a new one from the newest version (or the portal's default).</summary>
    public async Task<IActionResult> OnPostAsync(string authority, CancellationToken ct)
    {
        var result = await startDraft.HandleAsync(new StartTemplateDraft.Input(authority), Actor.Of(User), ct);
        return result.Succeeded ? Redirect($"/authority/{authority}/templates/{result.Value}") : NotFound();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var found = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (found is null) return false;
        Authority = found;
        Templates = await db.ContractTemplates.AsNoTracking().Where(t => t.AuthorityId == found.Id && t.Kind == AgreementService.TemplateKind)
            .OrderByDescending(t => t.Number).ToListAsync(ct);
        return true;
    }
}
