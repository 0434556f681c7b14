using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Authorities;

/// <summary>
/// A commissioner sets their authority's policies: how long a request may wait for an offer before it is
/// unmet demand, how long an off-framework choice may take to decide, and the weekly amount a practitioner
/// may authorise alone (delegated authority), and the carry-over a new agreement starts with. Numbers are read as people type them; every problem is
/// named on its field and nothing is saved until all are right.
/// </summary>
public sealed class SetAuthorityPolicies(PortalDbContext db, TimeProvider clock)
{
    public sealed record Input(string AuthorityCode, string? OfferTargetDays, string? ApprovalTargetDays, string? PractitionerWeeklyLimit, string? CarryOverWeeks = "4");

    public async Task<UseCaseResult<Authority>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var authority = await db.Authorities.FirstOrDefaultAsync(a => a.Code == input.AuthorityCode, ct);
        if (authority is null || (authority.Id != actor.AuthorityId && !actor.IsAdministrator)) return UseCaseResult<Authority>.NotFound();
        var errors = new FieldErrors();
        var offerDays = Days(errors, nameof(Input.OfferTargetDays), "The days a request may wait for an offer", input.OfferTargetDays);
        var approvalDays = Days(errors, nameof(Input.ApprovalTargetDays), "The days to decide an off-framework choice", input.ApprovalTargetDays);
        decimal? limit = null;
        if (!string.IsNullOrWhiteSpace(input.PractitionerWeeklyLimit))
        {
            if (FormInput.TryParsePounds(input.PractitionerWeeklyLimit, out var pence, allowZero: true)) limit = pence / 100m;
            else errors.Add(nameof(Input.PractitionerWeeklyLimit), "The weekly amount a practitioner may authorise must be an amount in pounds, like 375 or 375.50, or left empty.");
        }
        int? carryOver = null;
        if (!string.IsNullOrWhiteSpace(input.CarryOverWeeks))
        {
            if (int.TryParse(input.CarryOverWeeks.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weeks)) carryOver = weeks;
            else errors.Add(nameof(Input.CarryOverWeeks), "The weeks of budget that can be carried forward must be a whole number, like 4, or left empty for no limit.");
        }
        var policies = new Authority.Policies(offerDays, approvalDays, limit, carryOver);
        // Every problem at once: the domain's, on the fields that were at least numbers.
        foreach (var (field, message) in Authority.PolicyProblems(policies).Where(p => !errors.Has(p.Key))) errors.Add(field, message + ".");
        if (errors.Any) return errors.Invalid<Authority>();
        authority.SetPolicies(policies, actor.Name, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult<Authority>.Conflict("Someone else changed these policies while you were editing. Check them and save again.");
        }
        return UseCaseResult<Authority>.Done(authority);
    }

    private static int? Days(FieldErrors errors, string field, string label, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null; // the domain names the missing value
        if (int.TryParse(typed.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)) return days;
        errors.Add(field, $"{label} must be a whole number of days, like 7.");
        return null;
    }
}
