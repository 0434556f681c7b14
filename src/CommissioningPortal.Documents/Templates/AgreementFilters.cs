using System.Globalization;
using Fluid;
using Fluid.Values;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// Liquid filters for agreement templates: <c>{{ budget.weekly | money }}</c> → "£1,234.50",
/// <c>{{ review_date | date }}</c> → "23 November 2026" (also <c>date: "short"</c> → "23 Nov 2026",
/// <c>date: "weekday"</c> → "Monday 23 November 2026", <c>date: "time"</c> → "23 November 2026, 14:05 UTC",
/// or a .NET format string).
/// </summary>
public static class AgreementFilters
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The filter names these add to Liquid's standard ones (<c>date</c> replaces the standard one).</summary>
    public static IReadOnlyList<string> Names { get; } = ["money", "date"];

    /// <summary>Adds <c>money</c> and <c>date</c> to a Fluid filter collection.</summary>
    internal static void Register(FilterCollection filters)
    {
        filters.AddFilter("money", static (input, _, context) => StringValue.Create(Money(input.ToObjectValue(context))));
        filters.AddFilter("date", static (input, arguments, context) =>
            StringValue.Create(Date(input.ToObjectValue(context), arguments.Count > 0 ? arguments.At(0).ToStringValue(context) : "")));
    }

    public static string Money(object? input)
    {
        if (!TryDecimal(input, out var value)) return input?.ToString() ?? "";
        var text = "£" + Math.Abs(value).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return value < 0 ? "-" + text : text;
    }

    public static string Date(object? input, string format = "")
    {
        DateTime value;
        var utc = false;
        switch (input)
        {
            case DateTime d:
                value = d;
                utc = d.Kind == DateTimeKind.Utc;
                break;
            case DateTimeOffset o:
                value = o.UtcDateTime;
                utc = true;
                break;
            case DateOnly d:
                value = d.ToDateTime(TimeOnly.MinValue);
                break;
            case string s when DateTime.TryParse(s, Uk, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed):
                value = parsed;
                break;
            default:
                return input?.ToString() ?? "";
        }
        return format switch
        {
            null or "" or "long" => value.ToString("d MMMM yyyy", Uk),
            "short" => value.ToString("d MMM yyyy", Uk),
            "weekday" => value.ToString("dddd d MMMM yyyy", Uk),
            "time" => value.ToString("d MMMM yyyy, HH:mm", Uk) + (utc ? " UTC" : ""),
            _ => value.ToString(format, Uk),
        };
    }

    private static bool TryDecimal(object? input, out decimal value)
    {
        switch (input)
        {
            case decimal d: value = d; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            case double f: value = (decimal)f; return true;
            case float f: value = (decimal)f; return true;
            case string s: return decimal.TryParse(s.Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
            default: value = 0; return false;
        }
    }
}
