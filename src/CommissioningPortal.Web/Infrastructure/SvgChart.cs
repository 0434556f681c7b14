using System.Globalization;
using System.Net;
using System.Text;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>One named series of values, one per category of its chart.</summary>
public sealed record SeriesData(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// What a chart shows: a title, the categories along the bottom, one or more series and a sentence saying what it
/// shows (the text alternative). The same data goes to the page (<see cref="SvgChart"/>) and to the document engine.
/// </summary>
public sealed record ChartData(string Title, string ValueAxisLabel, string CategoryAxisLabel, IReadOnlyList<string> Categories, IReadOnlyList<SeriesData> Series, string Summary);

public enum SvgChartKind
{
    Line,
    Bar,
}

/// <summary>
/// Charts drawn on the server as SVG (no script): a line chart (a pilot measure over time) or grouped bars (the
/// commissioner insight pages). Each is an image with a title and a description; the table beside it on the page is
/// the text alternative with every value.
/// </summary>
public static class SvgChart
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private const int Height = 260, Left = 56, Right = 16, Top = 20, Bottom = 48;

    /// <summary>Series colours: Scottish Government blue, then colours that keep 3:1 against white and each other's neighbours.</summary>
    private static readonly string[] Colours = ["#0065bd", "#d32205", "#428542", "#5e5e5e", "#6f4a9e", "#b75e00"];

    public static string Value(decimal v) => v.ToString("#,##0.##", Uk);

    public static string Render(SvgChartKind kind, ChartData chart, string id, int width = 480)
    {
        var enc = (string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        var iv = CultureInfo.InvariantCulture;
        var bottom = kind == SvgChartKind.Bar && chart.Categories.Count > 6 ? Bottom + 40 : Bottom;
        var height = Height + bottom - Bottom + (chart.Series.Count > 1 ? 20 : 0);
        sb.Append(iv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" id=\"{id}\" class=\"measure-chart\">");
        sb.Append(iv, $"<title id=\"{id}-title\">Chart: {enc(chart.Title)}</title><desc id=\"{id}-desc\">{enc(chart.Summary)} The table beside it gives every value.</desc>");
        sb.Append(iv, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        var plotW = width - Left - Right;
        var plotH = Height - Top - Bottom;
        var all = chart.Series.SelectMany(s => s.Values).ToList();
        var max = all.Count == 0 ? 1m : all.Max();
        var min = all.Count == 0 ? 0m : Math.Min(0m, all.Min());
        if (max <= min) max = min + 1;
        var (niceMax, step) = Nice(max - min);
        niceMax += min;
        double Y(decimal v) => Top + plotH - (double)((v - min) / (niceMax - min)) * plotH;
        for (var i = 0; i <= 4; i++)
        {
            var v = min + step * i;
            if (v > niceMax) break;
            var y = Y(v);
            sb.Append(iv, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{width - Right}\" y2=\"{y:0.#}\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>");
            sb.Append(iv, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#333333\">{enc(Value(v))}</text>");
        }
        sb.Append(iv, $"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{width - Right}\" y2=\"{Top + plotH}\" stroke=\"#333333\" stroke-width=\"1.5\"/>");
        sb.Append(iv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#333333\" stroke-width=\"1.5\"/>");
        var n = chart.Categories.Count;
        var every = Math.Max(1, (int)Math.Ceiling(n / (kind == SvgChartKind.Bar ? 12.0 : 6.0)));
        if (n > 0 && kind == SvgChartKind.Line)
        {
            double X(int i) => n == 1 ? Left + plotW / 2.0 : Left + 12 + i * (plotW - 24.0) / (n - 1);
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var values = chart.Series[s].Values;
                var colour = Colours[s % Colours.Length];
                var points = string.Join(" ", values.Select((v, i) => string.Create(iv, $"{X(i):0.#},{Y(v):0.#}")));
                sb.Append(iv, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"/>");
                for (var i = 0; i < values.Count; i++) sb.Append(iv, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(values[i]):0.#}\" r=\"4\" fill=\"{colour}\"/>");
            }
            for (var i = 0; i < n; i++)
            {
                if (i % every == 0 || i == n - 1)
                    sb.Append(iv, $"<text x=\"{X(i):0.#}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333333\">{enc(chart.Categories[i])}</text>");
            }
        }
        else if (n > 0)
        {
            var band = plotW / (double)n;
            var groups = Math.Max(1, chart.Series.Count);
            var barW = Math.Max(1, band * 0.8 / groups);
            for (var i = 0; i < n; i++)
            {
                for (var s = 0; s < chart.Series.Count; s++)
                {
                    var v = chart.Series[s].Values[i];
                    var x = Left + i * band + band * 0.1 + s * barW;
                    var (y0, y1) = (Y(Math.Max(0, v)), Y(Math.Min(0, v)));
                    sb.Append(iv, $"<rect x=\"{x:0.#}\" y=\"{y0:0.#}\" width=\"{barW:0.#}\" height=\"{Math.Max(0, y1 - y0):0.#}\" fill=\"{Colours[s % Colours.Length]}\"/>");
                }
                if (i % every == 0)
                {
                    var label = chart.Categories[i].Length > 14 ? chart.Categories[i][..13] + "…" : chart.Categories[i];
                    var cx = Left + i * band + band / 2;
                    var rotate = n > 6 ? string.Create(iv, $" transform=\"rotate(-35 {cx:0.#} {Top + plotH + 14})\"") : "";
                    sb.Append(iv, $"<text x=\"{cx:0.#}\" y=\"{Top + plotH + 14}\" text-anchor=\"{(n > 6 ? "end" : "middle")}\" font-size=\"11\" fill=\"#333333\"{rotate}>{enc(label)}</text>");
                }
            }
        }
        var axisY = height - 8 - (chart.Series.Count > 1 ? 20 : 0);
        sb.Append(iv, $"<text x=\"{Left + plotW / 2}\" y=\"{axisY}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333333\">{enc(chart.CategoryAxisLabel)} ({enc(chart.ValueAxisLabel)} on the vertical axis)</text>");
        if (chart.Series.Count > 1)
        {
            var x = (double)Left;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                sb.Append(iv, $"<rect x=\"{x:0.#}\" y=\"{height - 18}\" width=\"10\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/>");
                sb.Append(iv, $"<text x=\"{x + 14:0.#}\" y=\"{height - 9}\" font-size=\"11\" fill=\"#333333\">{enc(chart.Series[s].Name)}</text>");
                x += 24 + chart.Series[s].Name.Length * 6.2;
            }
        }
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
