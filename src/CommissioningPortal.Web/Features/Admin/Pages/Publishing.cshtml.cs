namespace CommissioningPortal.Web.Features.Admin.Pages;

/// <summary>Publish the latest draft or unpublish: a confirmation, then a POST.</summary>
public sealed class PublishingModel(PortalDbContext db, PublishPage publishPage, UnpublishPage unpublishPage) : PageModel
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
        var actor = Actor.Of(User);
        var result = Publishing
            ? await publishPage.HandleAsync(new PublishPage.Input(Slug, Number, Version), actor, ct)
            : await unpublishPage.HandleAsync(new UnpublishPage.Input(Slug, Version), actor, ct);
        if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
        // Done or someone else's change first: either way the editor page says what happened.
        TempData["StatusMessage"] = result.Succeeded ? result.Value : result.Errors[0].Message;
        return Redirect($"/admin/pages/{Slug}/edit");
    }
}
