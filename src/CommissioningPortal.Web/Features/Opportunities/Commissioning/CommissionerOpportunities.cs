using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>What the commissioner's use cases share: finding the actor's own authority's opportunity, and answering a broken domain rule.</summary>
public static class CommissionerOpportunities
{
    /// <summary>The opportunity with its lots and documents, tracked; null when it is not the actor's authority's (404, never 403).</summary>
    public static Task<Opportunity?> MineAsync(this PortalDbContext db, Actor actor, Guid id, CancellationToken ct) =>
        actor.AuthorityId is { } authorityId
            ? db.Opportunities.AsSplitQuery().Include(o => o.Lots).Include(o => o.Documents).Include(o => o.Changes)
                .FirstOrDefaultAsync(o => o.Id == id && o.AuthorityId == authorityId, ct)
            : Task.FromResult<Opportunity?>(null);

    private static readonly HashSet<string> FormFields = typeof(OpportunityForm).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The same page with each message on its field (the opportunity form's under "Form."), what was typed
    /// kept, as 400 (or 409 when someone else changed it first); 404 when there was nothing to change.
    /// </summary>
    public static IActionResult RefusedForm<T>(this PageModel page, UseCaseResult<T> result)
    {
        if (result.Outcome == UseCaseOutcome.NotFound) return page.NotFound();
        foreach (var error in result.Errors)
        {
            var key = FormFields.Contains(error.Field) ? "Form." + error.Field : error.Field;
            if (page.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            page.ModelState.AddModelError(key, error.Message);
        }
        page.Response.StatusCode = result.Outcome == UseCaseOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return page.Page();
    }

    /// <summary>A domain rule the form could not have known about, on its field (or the whole form).</summary>
    public static UseCaseResult<T> Refused<T>(OpportunityRuleException e, string? field = null) =>
        UseCaseResult<T>.Invalid(field ?? e.Field ?? FieldError.Form, e.Message);
}
