using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.Agreements;

namespace CommissioningPortal.Web.Features.Templates;

/// <summary>
/// What the template use cases share: finding an authority's template for someone who may change
/// it (a commissioner of that authority, or an administrator) and checking a template's text with
/// the template engine.
/// </summary>
public sealed class AuthorityTemplates(PortalDbContext db)
{
    public const string ConflictMessage = "Someone else saved this draft while you were editing. Copy your changes, reload, and apply them again.";

    /// <summary>The authority named by <paramref name="code"/>, when the actor may manage its templates.</summary>
    public async Task<Authority?> AuthorityAsync(Actor actor, string code, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        return authority is not null && (actor.IsAdministrator || actor.AuthorityId == authority.Id) ? authority : null;
    }

    /// <summary>The template, tracked for a change, when it belongs to an authority the actor may manage.</summary>
    public async Task<ContractTemplate?> TemplateAsync(Actor actor, string code, Guid id, CancellationToken ct) =>
        await AuthorityAsync(actor, code, ct) is { } authority
            ? await db.ContractTemplates.FirstOrDefaultAsync(t => t.Id == id && t.AuthorityId == authority.Id, ct)
            : null;

    /// <summary>Every problem with a template's text, each with its line, on the field <paramref name="field"/>.</summary>
    public static void CheckText(FieldErrors errors, string field, string? markdown)
    {
        foreach (var error in AgreementDocuments.Validate(markdown ?? ""))
            errors.Add(field, $"Line {error.Line}: {error.Message}");
    }
}
