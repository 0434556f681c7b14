using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// The person links their representative's portal account to their records, saying whether they
/// may sign for them; who linked and when are recorded. One use case: input, checks, handler.
/// </summary>
public sealed class LinkRepresentative(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public sealed record Input(string? RepresentativeEmail, bool MaySign);

    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        var records = await db.SupportedPeople.Where(p => p.UserId != null && p.UserId == actor.UserId).ToListAsync(ct);
        if (records.Count == 0) return UseCaseResult<string>.NotFound();
        var email = input.RepresentativeEmail?.Trim();
        if (string.IsNullOrEmpty(email)) return UseCaseResult<string>.Invalid(nameof(Input.RepresentativeEmail), "Enter your representative's portal e-mail address");
        var representative = await users.FindByEmailAsync(email);
        if (representative is null || !await users.IsInRoleAsync(representative, Roles.Representative))
        {
            return UseCaseResult<string>.Invalid(nameof(Input.RepresentativeEmail), "No representative has a portal account with that e-mail address. Ask them to create one as a representative first.");
        }
        var now = clock.GetUtcNow();
        foreach (var record in records)
        {
            record.RepresentativeUserId = representative.Id;
            record.RepresentativeMaySign = input.MaySign;
            record.RepresentativeLinkedBy = $"{actor.Name} (the person)";
            record.RepresentativeLinkedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return UseCaseResult<string>.Done(representative.DisplayName);
    }
}
