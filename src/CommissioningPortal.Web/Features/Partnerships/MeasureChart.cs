using System.Globalization;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A pilot measure's values over time as a line chart in SVG, drawn on the server (no script). It is an
/// image with a title and description; the table beside it on the page is the text alternative with every value.
/// </summary>
public static class MeasureChart
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Period(DateOnly d) => d.ToString("MMM yyyy", Uk);

    public static string Value(decimal v) => SvgChart.Value(v);

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

    /// <summary>The measure as a line chart (<see cref="SvgChart"/>), one point per period.</summary>
    public static string Svg(PilotMeasure m, string id)
    {
        var values = m.InOrder.ToList();
        var data = new ChartData($"{m.Name} ({m.Unit})", m.Unit, "Period", [.. values.Select(v => Period(v.Period))],
            [new SeriesData(m.Name, [.. values.Select(v => v.Value)])], Summary(m));
        return SvgChart.Render(SvgChartKind.Line, data, id);
    }
}
