namespace CommissioningPortal.Web.Features.Admin.Pages;

[OneTimeForm]
public sealed class CreateModel(CreatePage createPage) : PageModel
{
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Markdown { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await createPage.HandleAsync(new CreatePage.Input(Slug, Title, Markdown), Actor.Of(User), ct);
        if (!result.Succeeded) return this.Refused(result);
        TempData["StatusMessage"] = result.Value!.Message;
        return Redirect($"/admin/pages/{result.Value.Slug}/edit");
    }
}
