using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// A supported person's (or representative's) home: their agreements, and which wait for them. The
/// person links their representative's portal account here, saying whether they may sign for them.
/// </summary>
[Authorize(Policy = Policies.Person)]
public sealed class MySupportModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public sealed record AgreementRow(Guid Id, string Reference, string Provider, bool WaitingForYou);

    /// <summary>The representative linked to the person's record, if any.</summary>
    public sealed record LinkedRepresentative(string Name, bool MaySign, string? LinkedBy, DateTimeOffset? LinkedAt);

    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    /// <summary>Whether the user is the supported person on at least one record (so may link a representative).</summary>
    public bool IsThePerson { get; private set; }

    public LinkedRepresentative? Representative { get; private set; }

    [BindProperty, Required(ErrorMessage = "Enter your representative's portal e-mail address"),
     EmailAddress(ErrorMessage = "Enter your representative's e-mail address like name@example.com"),
     StringLength(256, ErrorMessage = "Your representative's e-mail address must be 256 characters or fewer")]
    public string? RepresentativeEmail { get; set; }

    [BindProperty] public bool MaySign { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Links the representative's account to every record of the person's, as they say (may they sign or not).</summary>
    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!IsThePerson) return StatusCode(StatusCodes.Status403Forbidden);
        PortalUser? representative = null;
        if (ModelState.IsValid)
        {
            representative = await users.FindByEmailAsync(RepresentativeEmail!.Trim());
            if (representative is null || !await users.IsInRoleAsync(representative, Roles.Representative))
            {
                ModelState.AddModelError(nameof(RepresentativeEmail), "No representative has a portal account with that e-mail address. Ask them to create one as a representative first.");
            }
        }
        if (!ModelState.IsValid || representative is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var userId = UserId;
        var now = clock.GetUtcNow();
        foreach (var record in await db.SupportedPeople.Where(p => p.UserId == userId).ToListAsync(ct))
        {
            record.RepresentativeUserId = representative.Id;
            record.RepresentativeMaySign = MaySign;
            record.RepresentativeLinkedBy = $"{User.DisplayNameOf()} (the person)";
            record.RepresentativeLinkedAt = now;
        }
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"{representative.DisplayName} is linked as your representative{(MaySign ? " and may sign for you" : "; they can see your agreements but not sign them")}.";
        return Redirect("/my-support");
    }

    private string? UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = UserId;
        Agreements = await (from a in db.IsfAgreements.AsNoTracking()
                            join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                            join pr in db.Providers.AsNoTracking() on a.ProviderId equals pr.Id
                            join i in db.WorkflowInstances.AsNoTracking() on a.WorkflowInstanceId equals i.Id
                            where p.UserId == userId || p.RepresentativeUserId == userId
                            orderby a.CreatedAt descending
                            select new AgreementRow(a.Id, a.Reference, pr.Name, i.State == "offered")).ToListAsync(ct);
        var mine = await db.SupportedPeople.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.RepresentativeLinkedAt).ToListAsync(ct);
        IsThePerson = mine.Count > 0;
        if (mine.FirstOrDefault(p => p.RepresentativeUserId != null) is { } linked)
        {
            var name = await db.Users.Where(u => u.Id == linked.RepresentativeUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            Representative = new LinkedRepresentative(name ?? "Your representative", linked.RepresentativeMaySign, linked.RepresentativeLinkedBy, linked.RepresentativeLinkedAt);
        }
    }
}
