using System.Globalization;
using CommissioningPortal.Documents.Fonts;

namespace CommissioningPortal.Documents.Layout;

/// <summary>Draws a <see cref="Chart"/> as vector operations inside a box, all tagged with its Figure.</summary>
internal sealed class ChartPainter(Theme theme, FontSet fonts, float baseSize, StructNode figure)
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    private readonly FontFace _label = fonts.Get(FontStyle.Regular, baseSize * 0.78f);

    public void Paint(Chart chart, List<DrawOp> ops, float left, float top, float width, float height)
    {
        if (chart.Series.Count == 0 || chart.Categories.Count == 0) return;
        if (chart.Kind == ChartKind.Pie) Pie(chart, ops, left, top, width, height);
        else Axes(chart, ops, left, top, width, height);
    }

    private Color SeriesColor(int i) => theme.ChartPalette[i % theme.ChartPalette.Count];

    private void Text(List<DrawOp> ops, string text, float x, float baseline, TextAlign align = TextAlign.Left)
    {
        var w = _label.Measure(text);
        var at = align switch { TextAlign.Center => x - w / 2, TextAlign.Right => x - w, _ => x };
        ops.Add(DrawOp.TextRun(at, baseline, text, _label, theme.Text, figure));
    }

    private void Axes(Chart chart, List<DrawOp> ops, float left, float top, float width, float height)
    {
        var values = chart.Series.SelectMany(s => s.Values).ToList();
        var max = Math.Max(values.Max(), 0);
        var min = Math.Min(values.Min(), 0);
        var (lo, hi, step) = NiceScale(min, max);
        var labels = new List<string>();
        for (var v = lo; v <= hi + step / 2; v += step) labels.Add(v.ToString(chart.ValueFormat, Culture));
        var labelWidth = labels.Max(l => _label.Measure(l)) + 6;
        var legend = chart.Series.Count > 1 || chart.Series[0].Name.Length > 0 ? _label.Size * 2 : 0;
        var axisTitle = chart.ValueAxisLabel is { Length: > 0 } ? _label.Size * 1.6f : 0;
        var bottomTitle = chart.CategoryAxisLabel is { Length: > 0 } ? _label.Size * 1.6f : 0;

        var plotLeft = left + labelWidth;
        var plotTop = top + legend + axisTitle;
        var plotRight = left + width - 4;
        var plotBottom = top + height - _label.Size * 1.8f - bottomTitle;
        var plotHeight = plotBottom - plotTop;
        float Y(double v) => (float)(plotBottom - (v - lo) / (hi - lo) * plotHeight);

        if (axisTitle > 0) Text(ops, chart.ValueAxisLabel!, left, top + legend + _label.Ascent);
        var i = 0;
        for (var v = lo; v <= hi + step / 2; v += step, i++)
        {
            var y = Y(v);
            ops.Add(DrawOp.Line(plotLeft, y, plotRight, y, v == 0 ? theme.Muted : theme.Rule, v == 0 ? 0.75f : 0.3f, figure));
            Text(ops, labels[i], plotLeft - 4, y + _label.Ascent / 2 - 1, TextAlign.Right);
        }
        ops.Add(DrawOp.Line(plotLeft, plotTop, plotLeft, plotBottom, theme.Muted, 0.75f, figure));

        var n = chart.Categories.Count;
        var slot = (plotRight - plotLeft) / n;
        for (var c = 0; c < n; c++)
            Text(ops, Fit(chart.Categories[c], slot - 2), plotLeft + slot * (c + 0.5f), plotBottom + _label.Size * 1.3f, TextAlign.Center);
        if (bottomTitle > 0) Text(ops, chart.CategoryAxisLabel!, (plotLeft + plotRight) / 2, top + height - 2, TextAlign.Center);

        if (chart.Kind == ChartKind.Bar)
        {
            var group = slot * 0.7f;
            var bar = group / chart.Series.Count;
            for (var s = 0; s < chart.Series.Count; s++)
                for (var c = 0; c < n; c++)
                {
                    var v = chart.Series[s].Values[c];
                    var x = plotLeft + slot * c + (slot - group) / 2 + bar * s;
                    var y0 = Y(0);
                    var y1 = Y(v);
                    ops.Add(DrawOp.Fill(x, Math.Min(y0, y1), bar * 0.92f, Math.Abs(y1 - y0), SeriesColor(s), figure));
                }
        }
        else
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var points = new float[2 * n];
                for (var c = 0; c < n; c++)
                {
                    points[2 * c] = plotLeft + slot * (c + 0.5f);
                    points[2 * c + 1] = Y(chart.Series[s].Values[c]);
                }
                ops.Add(DrawOp.Path(points, SeriesColor(s), 1.6f, figure));
                for (var c = 0; c < n; c++)
                    ops.Add(DrawOp.Fill(points[2 * c] - 2.2f, points[2 * c + 1] - 2.2f, 4.4f, 4.4f, SeriesColor(s), figure));
            }
        }

        if (legend > 0)
        {
            var x = plotLeft;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                ops.Add(DrawOp.Fill(x, top + 2, 8, 8, SeriesColor(s), figure));
                var name = chart.Series[s].Name;
                Text(ops, name, x + 11, top + 2 + _label.Ascent);
                x += 11 + _label.Measure(name) + 14;
            }
        }
    }

    private void Pie(Chart chart, List<DrawOp> ops, float left, float top, float width, float height)
    {
        var values = chart.Series[0].Values;
        var total = values.Sum();
        var radius = Math.Min(height / 2 - 4, width * 0.25f);
        var cx = left + radius + 8;
        var cy = top + height / 2;
        double angle = -Math.PI / 2;
        for (var c = 0; c < values.Count; c++)
        {
            if (total <= 0 || values[c] <= 0) continue;
            var sweep = values[c] / total * 2 * Math.PI;
            var steps = Math.Max(2, (int)Math.Ceiling(sweep / (Math.PI / 60)));
            var points = new float[2 * (steps + 2)];
            points[0] = cx; points[1] = cy;
            for (var k = 0; k <= steps; k++)
            {
                var a = angle + sweep * k / steps;
                points[2 + 2 * k] = cx + (float)(radius * Math.Cos(a));
                points[3 + 2 * k] = cy + (float)(radius * Math.Sin(a));
            }
            ops.Add(DrawOp.Path(points, SeriesColor(c), 0, figure));
            angle += sweep;
        }
        var lx = cx + radius + 24;
        var ly = top + Math.Max(0, height / 2 - values.Count * _label.Size * 0.8f);
        for (var c = 0; c < values.Count; c++)
        {
            ops.Add(DrawOp.Fill(lx, ly, 8, 8, SeriesColor(c), figure));
            var share = total > 0 ? values[c] / total : 0;
            Text(ops, $"{chart.Categories[c]}: {values[c].ToString(chart.ValueFormat, Culture)} ({share.ToString("0%", Culture)})", lx + 12, ly + _label.Ascent - 1);
            ly += _label.Size * 1.6f;
        }
    }

    private string Fit(string text, float width)
    {
        if (_label.Measure(text) <= width || text.Length < 2) return text;
        var n = text.Length;
        while (n > 1 && _label.Measure(string.Concat(text.AsSpan(0, n), "…")) > width) n--;
        return string.Concat(text.AsSpan(0, n), "…");
    }

    /// <summary>Axis bounds and a tick step of 1, 2 or 5 × 10^n giving about five intervals.</summary>
    private static (double Lo, double Hi, double Step) NiceScale(double min, double max)
    {
        if (max - min < 1e-9) max = min + 1;
        var raw = (max - min) / 5;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var norm = raw / mag;
        var step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }
}
