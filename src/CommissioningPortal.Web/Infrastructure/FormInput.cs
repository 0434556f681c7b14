using System.Globalization;
using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>What pages share when reading a form: numbers and amounts in pounds, rate units, and answering bad input.</summary>
public static partial class FormInput
{
    /// <summary>The most money any one amount in the portal may be: £100,000.</summary>
    public const decimal MaxPounds = 100_000m;

    /// <summary>
    /// A number as people in the UK write it: digits, a full stop before any decimals, commas only
    /// between groups of three (1,250.50); ".5" too. Not "1,5" (1.5 or 15?), "0x10", "1e3", "½" or other scripts' digits.
    /// </summary>
    [GeneratedRegex(@"^-?(([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?|\.[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    /// <summary>
    /// A number typed as <see cref="PlainNumber"/> describes; false for anything that could be read
    /// two ways or is not a plain number, and for numbers too large to hold.
    /// </summary>
    public static bool TryParseNumber(string? typed, out decimal value)
    {
        value = 0;
        var text = typed?.Trim() ?? "";
        return text.Length <= 40 && PlainNumber().IsMatch(text) &&
               decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>What to say when <see cref="TryParseNumber"/> refused <paramref name="typed"/> for a field named in <paramref name="what"/>.</summary>
    public static string NumberProblem(string what, string? typed, string example = "1250.50 or 1.5")
    {
        var text = typed?.Trim() ?? "";
        var ambiguousComma = text.Contains(',') && !PlainNumber().IsMatch(text) && PlainNumber().IsMatch(text.Replace(',', '.'));
        return ambiguousComma
            ? $"'{text}' could be read two ways: enter {what} like {example}, with a full stop before any decimals"
            : $"Enter {what} as a number, like {example}";
    }

    /// <summary>
    /// An amount in pounds as people type it (25, 22.50, £19.25, £1,250) as pence: at most two decimals,
    /// up to <see cref="MaxPounds"/>, above zero unless <paramref name="allowZero"/>.
    /// </summary>
    public static bool TryParsePounds(string typed, out int pence, bool allowZero = false)
    {
        pence = 0;
        var text = typed.Trim().TrimStart('£').TrimStart();
        if (!TryParseNumber(text, out var pounds) ||
            pounds < 0 || (pounds == 0 && !allowZero) || pounds > MaxPounds || decimal.Round(pounds, 2) != pounds) return false;
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
