using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Web.Features.Home;

/// <summary>The home page: the "home" content page, editable by administrators.</summary>
public sealed class IndexModel(ContentPages pages) : PageModel
{
    public string Title { get; private set; } = "Commissioning Portal";
    public string Html { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await pages.RenderPublishedAsync("home", ct) is { } page) (Title, Html) = page;
    }
}
