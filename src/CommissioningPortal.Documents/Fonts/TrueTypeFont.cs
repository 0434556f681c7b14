using System.Buffers.Binary;

namespace CommissioningPortal.Documents.Fonts;

/// <summary>
/// The parts of a TrueType font the engine reads itself (units per em, glyph advances, the metrics
/// a PDF font descriptor needs, the PostScript name) and a glyph-ID-preserving subsetter, so each
/// PDF embeds only the glyphs it draws instead of every font whole (~37 KB per face per document,
/// all of it deflated on every render). In the subset unused glyphs are empty, hinting (fpgm,
/// prep, cvt, glyph instructions) and the OpenType layout tables are gone, loca is in the short
/// format when it fits, post keeps no glyph names (format 3) and name keeps only IDs 0–6
/// (copyright, family, style, unique ID, full name, version, PostScript name), as HarfBuzz's and
/// fontTools' subsetters do by default. Glyph IDs, cmap, metrics and the names a PDF shows are
/// unchanged, so text measured with the full font draws identically and stays extractable.
/// </summary>
internal sealed class TrueTypeFont
{
    private static readonly string[] KeptTables = ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];

    private readonly byte[] _font;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly int[] _loca;

    public TrueTypeFont(byte[] font)
    {
        _font = font;
        var count = ReadU16(4);
        for (var i = 0; i < count; i++)
        {
            var entry = 12 + 16 * i;
            var tag = System.Text.Encoding.ASCII.GetString(font, entry, 4);
            _tables[tag] = ((int)ReadU32(entry + 8), (int)ReadU32(entry + 12));
        }
        foreach (var required in KeptTables)
            if (!_tables.ContainsKey(required))
                throw new InvalidDataException($"Not a TrueType (glyf) font: no '{required}' table.");

        GlyphCount = ReadU16(_tables["maxp"].Offset + 4);
        var longLoca = ReadU16(_tables["head"].Offset + 50) == 1;
        var loca = _tables["loca"].Offset;
        _loca = new int[GlyphCount + 1];
        for (var g = 0; g <= GlyphCount; g++)
            _loca[g] = longLoca ? (int)ReadU32(loca + 4 * g) : ReadU16(loca + 2 * g) * 2;

        UnitsPerEm = ReadU16(_tables["head"].Offset + 18);
        var metrics = Math.Max(1, ReadU16(_tables["hhea"].Offset + 34));
        var hmtx = _tables["hmtx"].Offset;
        Advances = new ushort[GlyphCount];
        for (var g = 0; g < GlyphCount; g++)
            Advances[g] = (ushort)ReadU16(hmtx + 4 * Math.Min(g, metrics - 1));

        var head = _tables["head"].Offset;
        BoundingBox = (ReadI16(head + 36), ReadI16(head + 38), ReadI16(head + 40), ReadI16(head + 42));
        var hhea = _tables["hhea"].Offset;
        Ascender = ReadI16(hhea + 4);
        Descender = ReadI16(hhea + 6);
        var os2 = _tables["OS/2"];
        CapHeight = ReadU16(os2.Offset) >= 2 && os2.Length >= 90 ? ReadI16(os2.Offset + 88) : Ascender;
        Weight = os2.Length >= 6 ? ReadU16(os2.Offset + 4) : 400;
        ItalicAngle = (int)ReadU32(_tables["post"].Offset + 4) / 65536.0;
        PostScriptName = ReadPostScriptName();
    }

    /// <summary>The whole font file, as read.</summary>
    public ReadOnlySpan<byte> Data => _font;

    /// <summary>head xMin, yMin, xMax, yMax in font units.</summary>
    public (int XMin, int YMin, int XMax, int YMax) BoundingBox { get; }

    /// <summary>hhea ascender and descender (negative) in font units.</summary>
    public int Ascender { get; }
    public int Descender { get; }

    /// <summary>OS/2 sCapHeight in font units (the ascender when the table is too old to have it).</summary>
    public int CapHeight { get; }

    /// <summary>OS/2 usWeightClass (400 regular, 700 bold).</summary>
    public int Weight { get; }

    /// <summary>post italicAngle in degrees (negative leans right).</summary>
    public double ItalicAngle { get; }

    /// <summary>Name ID 6, or null when the font has none that is plain ASCII.</summary>
    public string? PostScriptName { get; }

    private string? ReadPostScriptName()
    {
        var name = Table("name");
        if (name.Length < 6) return null;
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        for (var i = 0; i < count && 6 + 12 * (i + 1) <= name.Length; i++)
        {
            var record = name.Slice(6 + 12 * i, 12);
            if (BinaryPrimitives.ReadUInt16BigEndian(record[6..]) != 6) continue;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (offset + length > name.Length) continue;
            var bytes = name.Slice(offset, length);
            var text = platform is 0 or 3
                ? System.Text.Encoding.BigEndianUnicode.GetString(bytes)
                : System.Text.Encoding.Latin1.GetString(bytes);
            if (text.Length > 0 && text.All(c => c is > ' ' and < '\x7F' and not ('[' or ']' or '(' or ')' or '{' or '}' or '<' or '>' or '/' or '%')))
                return text;
        }
        return null;
    }

    public int GlyphCount { get; }
    public int UnitsPerEm { get; }

    /// <summary>Advance width of each glyph in font units (hmtx).</summary>
    public ushort[] Advances { get; }

    /// <summary>A complete font file holding only the glyphs flagged in <paramref name="used"/> (plus .notdef and composite parts).</summary>
    public byte[] Subset(bool[] used)
    {
        var keep = new bool[GlyphCount];
        keep[0] = true;
        for (var g = 0; g < GlyphCount && g < used.Length; g++)
            if (used[g]) Keep(g, keep, depth: 0);

        // glyf, unhinted; every glyph starts on a 4-byte boundary.
        var glyfStart = _tables["glyf"].Offset;
        var glyf = new MemoryStream();
        var offsets = new int[GlyphCount + 1];
        for (var g = 0; g < GlyphCount; g++)
        {
            offsets[g] = (int)glyf.Length;
            var length = _loca[g + 1] - _loca[g];
            if (!keep[g] || length <= 0) continue;
            WriteUnhinted(glyf, _font.AsSpan(glyfStart + _loca[g], length));
            while (glyf.Length % 4 != 0) glyf.WriteByte(0);
        }
        offsets[GlyphCount] = (int)glyf.Length;

        // loca: short (offset / 2 in 16 bits) when the glyf table is small enough, else long.
        var shortLoca = offsets[GlyphCount] <= 2 * ushort.MaxValue;
        var loca = new byte[(shortLoca ? 2 : 4) * (GlyphCount + 1)];
        for (var g = 0; g <= GlyphCount; g++)
        {
            if (shortLoca) BinaryPrimitives.WriteUInt16BigEndian(loca.AsSpan(2 * g), (ushort)(offsets[g] / 2));
            else BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * g), (uint)offsets[g]);
        }

        var head = Table("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), (short)(shortLoca ? 0 : 1)); // indexToLocFormat

        var tables = new (string Tag, byte[] Data)[KeptTables.Length];
        for (var i = 0; i < KeptTables.Length; i++)
        {
            var tag = KeptTables[i];
            tables[i] = (tag, tag switch
            {
                "glyf" => glyf.ToArray(),
                "loca" => loca,
                "head" => head,
                "post" => PostWithoutGlyphNames(),
                "name" => NamesUpToPostScriptName(),
                _ => Table(tag).ToArray(),
            });
        }
        return Assemble(tables);
    }

    /// <summary>The post table as format 3: its 32-byte header (italic angle, underline, fixed pitch) and no glyph names.</summary>
    private byte[] PostWithoutGlyphNames()
    {
        var post = Table("post");
        if (post.Length < 32) return post.ToArray();
        var result = post[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(result, 0x00030000);
        return result;
    }

    /// <summary>The name table with only name IDs 0–6 (the rest are descriptions, URLs and the licence text).</summary>
    private byte[] NamesUpToPostScriptName()
    {
        var name = Table("name");
        if (name.Length < 6 || BinaryPrimitives.ReadUInt16BigEndian(name) != 0) return name.ToArray(); // format 1 (language tags): keep as is
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        if (6 + 12 * count > name.Length) return name.ToArray();

        var records = new List<int>(count);
        for (var i = 0; i < count; i++)
            if (BinaryPrimitives.ReadUInt16BigEndian(name[(6 + 12 * i + 6)..]) <= 6) records.Add(6 + 12 * i);

        var strings = new MemoryStream();
        var header = new byte[6 + 12 * records.Count];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)records.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)header.Length);
        for (var r = 0; r < records.Count; r++)
        {
            var record = name.Slice(records[r], 12);
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            var target = header.AsSpan(6 + 12 * r, 12);
            record.CopyTo(target);
            BinaryPrimitives.WriteUInt16BigEndian(target[10..], (ushort)strings.Length);
            if (offset + length <= name.Length) strings.Write(name.Slice(offset, length));
            else BinaryPrimitives.WriteUInt16BigEndian(target[8..], 0);
        }
        return [.. header, .. strings.ToArray()];
    }

    private void Keep(int glyph, bool[] keep, int depth)
    {
        if (glyph >= GlyphCount || depth > 8) return;
        keep[glyph] = true;
        var length = _loca[glyph + 1] - _loca[glyph];
        if (length < 10) return;
        var data = _font.AsSpan(_tables["glyf"].Offset + _loca[glyph], length);
        if (BinaryPrimitives.ReadInt16BigEndian(data) >= 0) return;
        foreach (var (component, _, _) in Components(data))
            if (!keep[component]) Keep(component, keep, depth + 1);
    }

    /// <summary>Each component of a composite glyph: its glyph ID, the offset of its flags and the offset after it.</summary>
    private static List<(int Glyph, int FlagsAt, int End)> Components(ReadOnlySpan<byte> glyph)
    {
        var list = new List<(int, int, int)>();
        var p = 10;
        while (p + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            var component = BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]);
            var start = p;
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            if ((flags & 0x0008) != 0) p += 2;
            else if ((flags & 0x0040) != 0) p += 4;
            else if ((flags & 0x0080) != 0) p += 8;
            list.Add((component, start, p));
            if ((flags & 0x0020) == 0) break;
        }
        return list;
    }

    private static void WriteUnhinted(MemoryStream output, ReadOnlySpan<byte> glyph)
    {
        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        if (contours >= 0)
        {
            var instructionsAt = 10 + 2 * contours;
            var instructionLength = BinaryPrimitives.ReadUInt16BigEndian(glyph[instructionsAt..]);
            output.Write(glyph[..instructionsAt]);
            output.WriteByte(0);
            output.WriteByte(0);
            output.Write(glyph[(instructionsAt + 2 + instructionLength)..]);
            return;
        }

        // Composite: drop WE_HAVE_INSTRUCTIONS and the instructions after the last component.
        var components = Components(glyph);
        if (components.Count == 0) { output.Write(glyph); return; }
        var copy = glyph[..components[^1].End].ToArray();
        foreach (var (_, flagsAt, _) in components)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(flagsAt));
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(flagsAt), (ushort)(flags & ~0x0100));
        }
        output.Write(copy);
    }

    private static byte[] Assemble((string Tag, byte[] Data)[] tables)
    {
        var count = tables.Length;
        var headerLength = 12 + 16 * count;
        var total = headerLength + tables.Sum(t => Pad4(t.Data.Length));
        var font = new byte[total];
        var span = font.AsSpan();
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - searchRange));

        var offset = headerLength;
        var headOffset = 0;
        // Tables are listed in tag order (KeptTables is sorted ordinally).
        for (var i = 0; i < count; i++)
        {
            var (tag, data) = tables[i];
            var entry = span[(12 + 16 * i)..];
            System.Text.Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head") headOffset = offset;
            offset += Pad4(data.Length);
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static int Pad4(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }

    private ReadOnlySpan<byte> Table(string tag)
    {
        var (offset, length) = _tables[tag];
        return _font.AsSpan(offset, length);
    }

    private short ReadI16(int offset) => BinaryPrimitives.ReadInt16BigEndian(_font.AsSpan(offset));
    private int ReadU16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_font.AsSpan(offset));
    private uint ReadU32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_font.AsSpan(offset));
}
