using System.Globalization;
using System.Text.RegularExpressions;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Deadlines are typed and shown in UK time (Europe/London), stored in UTC.</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly string[] DateTimeFormats = ["d/M/yyyy H:mm", "d/M/yyyy HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "d MMMM yyyy H:mm", "d MMM yyyy H:mm"];
    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "d/M/yy"];

    /// <summary>Noon, when only a day is given.</summary>
    public static readonly TimeOnly DefaultTime = new(12, 0);

    public static bool TryParse(string typed, out DateTimeOffset at)
    {
        at = default;
        var text = Regex.Replace(typed.Trim(), @"\s+", " ").Replace(" at ", " ", StringComparison.OrdinalIgnoreCase).Replace('.', ':');
        var culture = CultureInfo.GetCultureInfo("en-GB");
        DateTime local;
        if (DateTime.TryParseExact(text, DateTimeFormats, culture, DateTimeStyles.None, out var withTime)) local = withTime;
        else if (DateOnly.TryParseExact(text, DateFormats, culture, DateTimeStyles.None, out var day)) local = day.ToDateTime(DefaultTime);
        else return false;
        if (local.Year is < 2000 or > 2100) return false;
        at = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    public static DateTimeOffset ToUk(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static string? Format(DateTimeOffset? at) => at is { } a ? ToUk(a).ToString("d/M/yyyy HH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>"31 March 2027, 12:00" in UK time.</summary>
    public static string Words(DateTimeOffset? at) => at is { } a ? ToUk(a).ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) : "Not set";

    /// <summary>"31 March 2027": the day in UK time.</summary>
    public static string Date(DateTimeOffset at) => ToUk(at).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
