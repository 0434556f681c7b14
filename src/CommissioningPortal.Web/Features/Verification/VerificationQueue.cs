using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.Verification;

/// <summary>What waits to be checked: unverified passport items with evidence or a number to check.</summary>
public static class VerificationQueue
{
    public static IQueryable<PassportItem> Waiting(PortalDbContext db) =>
        db.PassportItems.AsNoTracking().Where(i => i.Status == PassportItemStatus.Unverified &&
                                                   (i.EvidenceFileName != null || i.EvidenceLocation != null || i.Number != null));
}

/// <summary>The count badge on the "Verification" navigation link.</summary>
public sealed class VerificationQueueCountViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await VerificationQueue.Waiting(db).CountAsync(HttpContext.RequestAborted);
        return count == 0
            ? Content("")
            : new Microsoft.AspNetCore.Mvc.ViewComponents.HtmlContentViewComponentResult(new Microsoft.AspNetCore.Html.HtmlString(
                $" <span class=\"portal-count\" data-testid=\"verification-count\">{count}<span class=\"visually-hidden\"> waiting</span></span>"));
    }
}
