using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

public sealed class EditModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a title"), StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string? Title { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the page's text")]
    public string? Markdown { get; set; }

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
        if (await db.LoadAsync(Slug, ct) is not { } page) return NotFound();
        if (!ModelState.IsValid)
        {
            Describe(page);
            return Page();
        }
        var revision = page.AddRevision(Title!, Markdown!, User.DisplayNameOf(), clock.GetUtcNow());
        db.ContentPageRevisions.Add(revision);
        if (!await db.TrySaveAsync(page, Version, ct))
        {
            // Keep what this editor typed; show what the other editor saved.
            var current = (await db.LoadAsync(Slug, ct))!;
            Describe(current);
            Conflict = current.Latest;
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        TempData["StatusMessage"] = $"Revision {revision.Number} saved as a draft. Preview it, then publish it when it is ready.";
        return Redirect($"/admin/pages/{Slug}/edit");
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
