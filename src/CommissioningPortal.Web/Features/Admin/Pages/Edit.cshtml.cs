using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class EditModel(PortalDbContext db, SavePageDraft saveDraft) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Markdown { get; set; }
    [BindProperty] public int Version { get; set; }

    public string CurrentTitle { get; private set; } = "";
    public string Address => Slug == "home" ? "/" : $"/pages/{Slug}";
    public string Status { get; private set; } = "";
    public bool IsPublished { get; private set; }
    public ContentPageRevision? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page) return NotFound();
        Describe(page);
        Title = page.Latest!.Title;
        Markdown = page.Latest.Markdown;
        Version = page.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await saveDraft.HandleAsync(new SavePageDraft.Input(Slug, Title, Markdown, Version), Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = result.Value!.Message;
            return Redirect($"/admin/pages/{Slug}/edit");
        }
        if (await db.LoadAsync(Slug, ct) is not { } current) return NotFound();
        Describe(current);
        if (result.Outcome == UseCaseOutcome.Conflict)
        {
            // Keep what this editor typed; show what the other editor saved, and save next time from there.
            Conflict = current.Latest;
            Version = current.Version;
            ModelState.Remove(nameof(Version));
        }
        return this.Refused(result);
    }

    private void Describe(ContentPage page)
    {
        CurrentTitle = page.Latest!.Title;
        IsPublished = page.IsPublished;
        Status = page.Published is { } published
            ? published.Id == page.Latest.Id
                ? $"Published: revision {published.Number} is what the public sees."
                : $"The public sees revision {published.Number}; revision {page.Latest.Number} is a draft."
            : $"Not published. The latest draft is revision {page.Latest.Number}.";
    }
}
