using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary><c>/frameworks/new</c>: a draft framework for the commissioner's authority.</summary>
[Authorize(Policy = Policies.Commissioner)]
[OneTimeForm]
public sealed class NewModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public string? EndsOn { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var authorityId = User.AuthorityIdOf()!.Value;
        var reference = Reference?.Trim();
        var title = Title?.Trim();
        var description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        if (string.IsNullOrEmpty(reference)) ModelState.AddModelError(nameof(Reference), "Enter the framework's reference.");
        else if (reference.Length > Framework.MaxReferenceLength) ModelState.AddModelError(nameof(Reference), $"The reference must be {Framework.MaxReferenceLength} characters or fewer.");
        else if (await db.Frameworks.AnyAsync(f => f.AuthorityId == authorityId && f.Reference == reference, ct))
        {
            ModelState.AddModelError(nameof(Reference), $"You already have a framework with the reference {reference}. Use another.");
        }
        if (string.IsNullOrEmpty(title)) ModelState.AddModelError(nameof(Title), "Enter the framework's title.");
        else if (title.Length > Framework.MaxTitleLength) ModelState.AddModelError(nameof(Title), $"The title must be {Framework.MaxTitleLength} characters or fewer.");
        if (description is { Length: > Framework.MaxDescriptionLength }) ModelState.AddModelError(nameof(Description), $"The description must be {Framework.MaxDescriptionLength:#,0} characters or fewer.");
        var startsOn = FrameworkPages.ParseDate(ModelState, nameof(StartsOn), "The start date", StartsOn);
        var endsOn = FrameworkPages.ParseDate(ModelState, nameof(EndsOn), "The end date", EndsOn);
        if (Framework.DatesProblem(startsOn, endsOn) is { } problem) ModelState.AddModelError(nameof(EndsOn), problem);
        if (!ModelState.IsValid) return this.BadRequestPage();

        var framework = new Framework
        {
            AuthorityId = authorityId, Reference = reference!, Title = title!, Description = description,
            StartsOn = startsOn, EndsOn = endsOn, CreatedAt = clock.GetUtcNow(), CreatedBy = User.DisplayNameOf(),
        };
        db.Frameworks.Add(framework);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Framework {framework.Reference} created as a draft. Add its lots next.";
        return Redirect($"/frameworks/{framework.Id}");
    }
}
