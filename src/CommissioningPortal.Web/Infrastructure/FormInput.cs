using System.Globalization;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>What pages share when reading a form: amounts in pounds, rate units, and answering bad input.</summary>
public static class FormInput
{
    /// <summary>
    /// An amount in pounds as people type it (25, 22.50, £19.25) as pence: at most two decimals, up to
    /// £100,000, above zero unless <paramref name="allowZero"/>.
    /// </summary>
    public static bool TryParsePounds(string typed, out int pence, bool allowZero = false)
    {
        pence = 0;
        var text = typed.Trim().TrimStart('£');
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds) ||
            pounds < 0 || (pounds == 0 && !allowZero) || pounds > 100_000 || decimal.Round(pounds, 2) != pounds) return false;
        pence = (int)(pounds * 100);
        return true;
    }

    /// <summary>A rate unit by name (any case), never by number.</summary>
    public static bool TryParseRateUnit(string? typed, out RateUnit unit) =>
        Enum.TryParse(typed, ignoreCase: true, out unit) && Enum.IsDefined(unit) && !int.TryParse(typed, out _);

    /// <summary>
    /// A 400 page: the same page with its errors and what was typed, nothing saved. (Not named
    /// BadRequest: PageModel.BadRequest() would win and send an empty 400, which the status-code
    /// pages replace with the generic error page.)
    /// </summary>
    public static IActionResult BadRequestPage(this PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }
}
