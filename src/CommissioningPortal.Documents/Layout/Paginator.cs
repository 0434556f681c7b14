namespace CommissioningPortal.Documents.Layout;

/// <param name="Repeat">A table's header row placed again at the top of a later page: drawn as an artifact.</param>
internal readonly record struct Placement(Chunk Chunk, float X, float Y, bool Repeat = false);

internal sealed class LaidOutPage
{
    public List<Placement> Placements { get; } = [];
}

/// <summary>
/// Places chunks on pages top to bottom, breaking only between chunks: a keep-together group goes
/// to a new page when it does not fit (and would fit on an empty one), a heading or table header
/// is not left alone at the bottom, a table row moved to a new page brings its header row with it.
/// </summary>
internal sealed class Paginator
{
    private readonly float _left;
    private readonly float _top;
    private readonly float _bottom;
    private readonly List<LaidOutPage> _pages = [];
    private LaidOutPage _page = null!;
    private float _y;
    private bool _atTop;

    private Paginator(float left, float top, float bottom)
    {
        _left = left;
        _top = top;
        _bottom = bottom;
        NewPage();
    }

    private float BodyHeight => _bottom - _top;

    public static List<LaidOutPage> Paginate(List<Chunk> chunks, float left, float top, float bottom)
    {
        var paginator = new Paginator(left, top, bottom);
        paginator.Flow(chunks);
        return paginator._pages;
    }

    private void NewPage()
    {
        _page = new LaidOutPage();
        _pages.Add(_page);
        _y = _top;
        _atTop = true;
    }

    private void Flow(List<Chunk> chunks)
    {
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            if (chunk.IsPageBreak)
            {
                if (!_atTop) NewPage();
                continue;
            }

            if (chunk.Children is { } children)
            {
                if (chunk.Height <= BodyHeight)
                {
                    if (!Fits(chunk, chunk.Height)) NewPage();
                    PlaceAll(children);
                }
                else
                {
                    Flow(children); // taller than a page: it cannot be kept together
                }
                continue;
            }

            var needed = chunk.Height;
            for (var j = i; j < chunks.Count - 1 && chunks[j].KeepWithNext && needed < BodyHeight; j++)
            {
                var next = chunks[j + 1];
                if (next.IsPageBreak) break;
                needed += next.SpaceBefore + FirstUnitHeight(next);
            }
            needed = Math.Min(needed, BodyHeight);

            if (!Fits(chunk, needed))
            {
                NewPage();
                if (chunk.RepeatHeader is { } header) Place(header, repeat: true);
            }
            Place(chunk);
        }
    }

    private float FirstUnitHeight(Chunk chunk) =>
        chunk.Children is { Count: > 0 } children && chunk.Height > BodyHeight ? FirstUnitHeight(children[0]) : chunk.Height;

    private bool Fits(Chunk chunk, float height) => _atTop || _y + chunk.SpaceBefore + height <= _bottom + 0.01f;

    /// <summary>A group's space before is its first child's, so placing the children in turn is enough.</summary>
    private void PlaceAll(List<Chunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            if (chunk.Children is { } children) PlaceAll(children);
            else Place(chunk);
        }
    }

    private void Place(Chunk chunk, bool repeat = false)
    {
        if (!_atTop) _y += chunk.SpaceBefore;
        _page.Placements.Add(new Placement(chunk, _left, _y, repeat));
        _y += chunk.Height;
        _atTop = false;
    }
}
