using CommissioningPortal.Domain.Content;

namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>Publish the latest draft or unpublish: a confirmation, then a POST.</summary>
public sealed class PublishingModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Slug { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Act { get; set; } = "";
    [BindProperty] public int Version { get; set; }
    [BindProperty] public int Number { get; set; }

    public bool Publishing => Act == "publish";
    public string RevisionTitle { get; private set; } = "";
    public string Address => Slug == "home" ? "/" : $"/pages/{Slug}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page) return NotFound();
        var revision = Publishing ? page.Latest! : page.Published ?? page.Latest!;
        (Number, RevisionTitle, Version) = (revision.Number, revision.Title, page.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.LoadAsync(Slug, ct) is not { } page) return NotFound();
        if (Publishing)
        {
            if (page.Revisions.FirstOrDefault(r => r.Number == Number) is not { } revision) return NotFound();
            page.Publish(revision, clock.GetUtcNow());
        }
        else
        {
            page.Unpublish();
        }
        if (!await db.TrySaveAsync(page, Version, ct))
        {
            TempData["StatusMessage"] = "Someone else changed this page at the same time, so nothing was published or unpublished. Check the latest version and try again.";
            return Redirect($"/admin/pages/{Slug}/edit");
        }
        TempData["StatusMessage"] = Publishing ? $"Revision {Number} is published." : "The page is unpublished.";
        return Redirect($"/admin/pages/{Slug}/edit");
    }
}
