using System.Text;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>
/// CSV export for every list people work from: RFC 4180 quoting, UTF-8 with a byte-order mark so
/// spreadsheet programs show accents, and cells that could run as formulas defused with a quote.
/// </summary>
public static class Csv
{
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var sb = new StringBuilder();
        AppendRow(sb, header);
        foreach (var row in rows) AppendRow(sb, row);
        return sb.ToString();
    }

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The file's bytes, for <c>File(bytes, Csv.ContentType, name)</c> in a page handler.</summary>
    public static byte[] Bytes<T>(IEnumerable<string> header, IEnumerable<T> items, Func<T, IEnumerable<object?>> row) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(header, items.Select(row)))];

    private static void AppendRow(StringBuilder sb, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(Escape(Format(cell)));
        }
        sb.Append("\r\n");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm"),
        bool b => b ? "Yes" : "No",
        _ => value.ToString() ?? "",
    };

    internal static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
