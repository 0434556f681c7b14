using System.Globalization;
using System.Net;
using System.Text;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A pilot measure's values over time as a line chart in SVG, drawn on the server (no script). It is an
/// image with a title and description; the table beside it on the page is the text alternative with every value.
/// </summary>
public static class MeasureChart
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private const int Width = 480, Height = 260, Left = 56, Right = 16, Top = 20, Bottom = 48;

    public static string Period(DateOnly d) => d.ToString("MMM yyyy", Uk);

    public static string Value(decimal v) => v.ToString("#,##0.##", Uk);

    /// <summary>One sentence saying what the chart shows: from the first value to the last.</summary>
    public static string Summary(PilotMeasure m)
    {
        var values = m.InOrder.ToList();
        if (values.Count == 0) return $"{m.Name}: no values recorded yet.";
        if (values.Count == 1) return $"{m.Name}: {Value(values[0].Value)} {m.Unit} in {Period(values[0].Period)}.";
        var (first, last) = (values[0], values[^1]);
        var trend = last.Value > first.Value ? "rose" : last.Value < first.Value ? "fell" : "stayed";
        return $"{m.Name} {trend} from {Value(first.Value)} {m.Unit} in {Period(first.Period)} to {Value(last.Value)} {m.Unit} in {Period(last.Period)}, over {values.Count} periods.";
    }

    public static string Svg(PilotMeasure m, string id)
    {
        var values = m.InOrder.ToList();
        var enc = (string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" id=\"{id}\" class=\"measure-chart\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Chart: {enc(m.Name)} ({enc(m.Unit)})</title><desc id=\"{id}-desc\">{enc(Summary(m))} The table beside it gives every value.</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var max = values.Count == 0 ? 1m : values.Max(v => v.Value);
        var min = values.Count == 0 ? 0m : Math.Min(0m, values.Min(v => v.Value));
        if (max <= min) max = min + 1;
        var (niceMax, step) = Nice(max - min);
        niceMax += min;
        // Axes and gridlines with value labels.
        for (var i = 0; i <= 4; i++)
        {
            var v = min + step * i;
            if (v > niceMax) break;
            var y = Top + plotH - (double)((v - min) / (niceMax - min)) * plotH;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#333333\">{enc(Value(v))}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#333333\" stroke-width=\"1.5\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#333333\" stroke-width=\"1.5\"/>");
        if (values.Count > 0)
        {
            double X(int i) => values.Count == 1 ? Left + plotW / 2.0 : Left + 12 + i * (plotW - 24.0) / (values.Count - 1);
            double Y(decimal v) => Top + plotH - (double)((v - min) / (niceMax - min)) * plotH;
            var points = string.Join(" ", values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v.Value):0.#}")));
            sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#0065bd\" stroke-width=\"3\"/>");
            var every = Math.Max(1, (int)Math.Ceiling(values.Count / 6.0));
            for (var i = 0; i < values.Count; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(values[i].Value):0.#}\" r=\"4\" fill=\"#0065bd\"/>");
                if (i % every == 0 || i == values.Count - 1)
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333333\">{enc(Period(values[i].Period))}</text>");
            }
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotW / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333333\">Period ({enc(m.Unit)} on the vertical axis)</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static (decimal Max, decimal Step) Nice(decimal range)
    {
        var raw = (double)range / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        return ((decimal)(step * 4), (decimal)step);
    }
}
