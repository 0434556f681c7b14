using System.Text;
using CommissioningPortal.Documents.Fonts;

namespace CommissioningPortal.Documents.Layout;

/// <summary>
/// Greedy word wrap of styled spans. Whitespace collapses to single spaces, '\n' is a hard break,
/// a word too long for a line is broken between characters. Each line becomes a list of text runs
/// (one string per same-font stretch of the line, spaces included so extracted text keeps its words);
/// widths come from the font's advances over spans of the source text, so nothing is allocated per glyph.
/// </summary>
internal readonly record struct RunStyle(FontSet Fonts, FontStyle Style, float Size, Color Color);

internal sealed class TextLayout
{
    private readonly List<Piece> _pieces = [];
    private readonly StringBuilder _run = new();
    private Color _color;
    private string? _link;

    /// <summary>A word, or part of one when the style changes inside it, or a hard break.</summary>
    private struct Piece
    {
        public string Source;
        public int Start;
        public int Length;
        public FontFace Face;
        public float Width;
        public bool SpaceBefore;
        public bool CanBreakBefore;
        public bool HardBreak;
        public Color Color;
        public string? Link;
    }

    public readonly record struct Line(List<DrawOp> Runs, float Width);

    /// <summary>Line height for text of this size with the given leading factor.</summary>
    public float LineHeight(float size, float leading) => size * leading;

    /// <summary>Baseline offset from the top of a line box.</summary>
    public static float Baseline(FontSet fonts, float size, float leading)
    {
        var face = fonts.Get(FontStyle.Regular, size);
        var lineHeight = size * leading;
        return (lineHeight - (face.Ascent + face.Descent)) / 2 + face.Ascent;
    }

    public List<Line> Wrap(IReadOnlyList<Span> spans, RunStyle baseStyle, float width, Color linkColor)
    {
        Tokenise(spans, baseStyle, width, linkColor);
        var lines = new List<Line>();
        var runs = new List<DrawOp>();
        float lineWidth = 0;
        var lineEmpty = true;
        var lineStart = 0;

        var i = 0;
        while (i < _pieces.Count)
        {
            if (_pieces[i].HardBreak)
            {
                lines.Add(Emit(lineStart, i, lineWidth));
                lineWidth = 0; lineEmpty = true; lineStart = i + 1;
                i++;
                continue;
            }

            // A word: this piece plus any glued to it (a style change inside the word).
            var end = i + 1;
            var wordWidth = _pieces[i].Width;
            while (end < _pieces.Count && !_pieces[end].HardBreak && !_pieces[end].CanBreakBefore)
            {
                wordWidth += _pieces[end].Width;
                end++;
            }

            var lead = !lineEmpty && _pieces[i].SpaceBefore ? _pieces[i].Face.SpaceWidth : 0;
            if (!lineEmpty && lineWidth + lead + wordWidth > width)
            {
                lines.Add(Emit(lineStart, i, lineWidth));
                lineWidth = 0; lineEmpty = true; lineStart = i;
                lead = 0;
            }

            lineWidth += lead + wordWidth;
            lineEmpty = false;
            i = end;
        }

        if (!lineEmpty || lineStart < _pieces.Count || lines.Count == 0)
            lines.Add(Emit(lineStart, _pieces.Count, lineWidth));
        return lines;

        Line Emit(int from, int to, float w)
        {
            Color c = default;
            string? link = null;
            var lineRuns = new List<DrawOp>(2);
            float x = 0;
            FontFace? face = null;
            float runX = 0;
            _run.Clear();
            for (var p = from; p < to; p++)
            {
                var piece = _pieces[p];
                if (face is not null && (!ReferenceEquals(face, piece.Face) || c != piece.Color || !ReferenceEquals(link, piece.Link)))
                {
                    // The space between goes with the text that is not a link, so a link's run is just its words.
                    var spaced = piece.SpaceBefore && p > from;
                    var spaceBefore = spaced && link is null;
                    if (spaceBefore) _run.Append(' ');
                    lineRuns.Add(DrawOp.TextRun(runX, 0, _run.ToString(), face, c, link: link));
                    _run.Clear();
                    if (spaceBefore) x += piece.Face.SpaceWidth;
                    face = piece.Face; runX = x; c = piece.Color; link = piece.Link;
                    if (spaced && !spaceBefore)
                    {
                        _run.Append(' ');
                        x += piece.Face.SpaceWidth;
                    }
                    _run.Append(piece.Source, piece.Start, piece.Length);
                    x += piece.Width;
                    continue;
                }
                if (_run.Length == 0) { face = piece.Face; runX = x; c = piece.Color; link = piece.Link; }
                if (piece.SpaceBefore && p > from)
                {
                    _run.Append(' ');
                    x += piece.Face.SpaceWidth;
                }
                _run.Append(piece.Source, piece.Start, piece.Length);
                x += piece.Width;
            }
            if (face is not null && _run.Length > 0)
                lineRuns.Add(DrawOp.TextRun(runX, 0, _run.ToString(), face, c, link: link));
            return new Line(lineRuns, w);
        }
    }

    private void Tokenise(IReadOnlyList<Span> spans, RunStyle baseStyle, float width, Color linkColor)
    {
        _pieces.Clear();
        var pendingSpace = false;
        for (var s = 0; s < spans.Count; s++)
        {
            var span = spans[s];
            var text = span.Text;
            var look = span.TextStyle;
            var fonts = look?.Family?.Set ?? baseStyle.Fonts;
            var face = fonts.Get(span.Style | baseStyle.Style | (look?.FontStyle ?? 0), look?.Size ?? baseStyle.Size);
            var color = span.Link is not null && look?.Color is null ? linkColor : look?.Color ?? baseStyle.Color;
            _color = color;
            _link = span.Link;
            var k = 0;
            while (k < text.Length)
            {
                var ch = text[k];
                if (ch == '\n')
                {
                    _pieces.Add(new Piece { HardBreak = true, CanBreakBefore = true, Face = face, Source = text, Color = color });
                    pendingSpace = false;
                    k++;
                    continue;
                }
                if (char.IsWhiteSpace(ch))
                {
                    pendingSpace = _pieces.Count > 0 && !_pieces[^1].HardBreak;
                    k++;
                    continue;
                }

                var start = k;
                while (k < text.Length && !char.IsWhiteSpace(text[k])) k++;
                AddWord(text, start, k - start, face, pendingSpace, width);
                pendingSpace = false;
            }
        }
    }

    private void AddWord(string text, int start, int length, FontFace face, bool spaceBefore, float width)
    {
        var w = face.Measure(text.AsSpan(start, length));
        var canBreak = spaceBefore || _pieces.Count == 0 || _pieces[^1].HardBreak;
        if (w <= width || length == 1)
        {
            _pieces.Add(new Piece { Source = text, Start = start, Length = length, Face = face, Width = w, SpaceBefore = spaceBefore, CanBreakBefore = canBreak, Color = _color, Link = _link });
            return;
        }

        // Wider than a whole line: break between characters, each part a line of its own.
        var first = true;
        while (length > 0)
        {
            var fit = face.Fit(text.AsSpan(start, length), width);
            if (fit < 1) fit = 1;
            if (fit < length && char.IsHighSurrogate(text[start + fit - 1]) && fit > 1) fit--;
            var partWidth = face.Measure(text.AsSpan(start, fit));
            _pieces.Add(new Piece
            {
                Source = text, Start = start, Length = fit, Face = face, Width = partWidth,
                SpaceBefore = first && spaceBefore, CanBreakBefore = true, Color = _color, Link = _link,
            });
            first = false;
            start += fit;
            length -= fit;
        }
    }
}
