using System.Globalization;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>What a column holds: a label, or a figure of some kind. People counts (and figures worked out from them) are what the open data suppresses.</summary>
public enum Measure
{
    Label,
    Providers,
    People,
    Hours,
    Money,
    Days,
    Percent,
    Count,
}

/// <summary>
/// A column. <paramref name="PeopleBase"/> names the column (by index) holding the number of people a derived figure
/// (an average, a share) was worked out from: when that number is suppressed, so is this figure.
/// </summary>
public sealed record InsightColumn(string Name, Measure Kind, int? PeopleBase = null);

/// <summary>How a table is drawn as a chart: which columns are its series (the first label column gives the categories).</summary>
public sealed record ChartSpec(SvgChartKind Kind, string ValueAxisLabel, string CategoryAxisLabel, IReadOnlyList<int> Series, Func<InsightTable, string> Summary);

/// <summary>
/// One table of figures on an insight page: the same rows are the page's table, the chart's data, the CSV, the
/// quarterly statement's table and (suppressed) the open data.
/// </summary>
public sealed class InsightTable(string id, string title, string description, params InsightColumn[] columns)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What a suppressed cell says (the Government Statistical Service's symbol for "confidential").</summary>
    public const string Suppressed = "[c]";

    /// <summary>Aggregates of fewer than this many people are suppressed in the open data (ADR 0025).</summary>
    public const int SmallNumber = 5;

    public string Id { get; } = id;
    public string Title { get; } = title;
    public string Description { get; } = description;
    public IReadOnlyList<InsightColumn> Columns { get; } = columns;
    public List<object?[]> Rows { get; } = [];

    /// <summary>A link for each row (the drill-down), on the page only; null for none.</summary>
    public List<string?> Links { get; } = [];

    public ChartSpec? Chart { get; init; }

    /// <summary>Whether the table goes into the open data (false when it holds free text someone typed, which may name a person).</summary>
    public bool OpenData { get; init; } = true;

    /// <summary>The column whose value shades its cell (a heat map), or null.</summary>
    public int? HeatColumn { get; init; }

    public InsightTable LinkedRow(string? link, params object?[] cells)
    {
        if (cells.Length != Columns.Count) throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        Rows.Add(cells);
        Links.Add(link);
        return this;
    }

    public InsightTable Row(params object?[] cells) => LinkedRow(null, cells);

    public static bool IsSmall(object? cell) => cell is int n && n is > 0 and < SmallNumber;

    /// <summary>
    /// The table as open data: every people count from 1 to 4 becomes <see cref="Suppressed"/>, and so does every figure
    /// worked out from such a count. Zero is published (it names nobody).
    /// </summary>
    public InsightTable ForOpenData()
    {
        var copy = new InsightTable(Id, Title, Description, [.. Columns]) { Chart = Chart, OpenData = OpenData, HeatColumn = HeatColumn };
        foreach (var row in Rows)
        {
            var cells = (object?[])row.Clone();
            for (var c = 0; c < Columns.Count; c++)
            {
                var column = Columns[c];
                if (column.Kind == Measure.People && IsSmall(row[c])) cells[c] = Suppressed;
                else if (column.PeopleBase is { } b && IsSmall(row[b])) cells[c] = Suppressed;
            }
            copy.Row(cells);
        }
        return copy;
    }

    /// <summary>A cell as the page and the PDF show it.</summary>
    public string Text(int row, int column) => Format(Rows[row][column], Columns[column].Kind);

    public static string Format(object? cell, Measure kind) => cell switch
    {
        null => "–",
        string s => s,
        int n => n.ToString("#,##0", Uk),
        decimal d => kind switch
        {
            Measure.Money => d.ToString("£#,##0.00", Uk),
            Measure.Percent => d.ToString("0.#", Uk) + "%",
            _ => d.ToString("#,##0.#", Uk),
        },
        _ => Convert.ToString(cell, Uk) ?? "",
    };

    /// <summary>A cell as CSV and JSON carry it: numbers as numbers (money in pounds), suppressed cells as <see cref="Suppressed"/>.</summary>
    public object? Raw(int row, int column) => Rows[row][column];

    /// <summary>The chart's data (categories from the first column, one series per chart column), or null with no chart or no rows.</summary>
    public ChartData? ChartData()
    {
        if (Chart is null || Rows.Count == 0) return null;
        var categories = Rows.Select(r => Format(r[0], Measure.Label)).ToList();
        var series = Chart.Series.Select(c => new SeriesData(Columns[c].Name, [.. Rows.Select(r => Number(r[c]))])).ToList();
        return new ChartData(Title, Chart.ValueAxisLabel, Chart.CategoryAxisLabel, categories, series, Chart.Summary(this));
    }

    public static decimal Number(object? cell) => cell switch
    {
        int n => n,
        decimal d => d,
        double d => (decimal)d,
        _ => 0m,
    };

    private decimal? _heatMax;

    /// <summary>0–4: how dark a heat-map cell is, relative to the largest value in its column.</summary>
    public int Heat(int row)
    {
        if (HeatColumn is not { } c) return 0;
        var max = _heatMax ??= Rows.Max(r => Number(r[c]));
        var v = Number(Rows[row][c]);
        return max <= 0 || v <= 0 ? 0 : (int)Math.Ceiling(v / max * 4);
    }
}

/// <summary>One insight page: its tables and what it is for (in the research's words).</summary>
public sealed record InsightSection(string Slug, string Title, string Intro, string? Quote, string? QuoteSource, IReadOnlyList<InsightTable> Tables, IReadOnlyList<string> Notes);
