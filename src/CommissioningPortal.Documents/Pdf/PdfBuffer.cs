using System.Text;

namespace CommissioningPortal.Documents.Pdf;

/// <summary>
/// A growable byte buffer with the few writers a PDF needs: ASCII tokens, integers and fixed-point
/// numbers in the invariant format PDF requires (no exponent, '.' as the decimal point). Nothing is
/// allocated per number or per glyph.
/// </summary>
internal sealed class PdfBuffer(int capacity)
{
    private static readonly long[] Pow10 = [1, 10, 100, 1000, 10000];

    private byte[] _data = new byte[Math.Max(capacity, 256)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _data.AsSpan(0, Length);

    /// <summary>Deflates <paramref name="data"/> (zlib, fastest level) onto <paramref name="output"/>, which is emptied first.</summary>
    public static void Deflate(ReadOnlySpan<byte> data, MemoryStream output)
    {
        output.SetLength(0);
        using var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
        zlib.Write(data);
    }

    public void Clear() => Length = 0;

    public byte[] ToArray() => Written.ToArray();

    public void Byte(byte b)
    {
        if (Length == _data.Length) Grow(1);
        _data[Length++] = b;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _data.Length) Grow(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Text known to be ASCII (names, keys, PDF dates).</summary>
    public void Ascii(string text)
    {
        if (Length + text.Length > _data.Length) Grow(text.Length);
        Length += Encoding.ASCII.GetBytes(text, _data.AsSpan(Length));
    }

    public void Int(long value)
    {
        if (value < 0)
        {
            Byte((byte)'-');
            value = -value;
        }
        Span<byte> digits = stackalloc byte[20];
        var i = digits.Length;
        do
        {
            digits[--i] = (byte)('0' + value % 10);
            value /= 10;
        } while (value > 0);
        Write(digits[i..]);
    }

    /// <summary><paramref name="value"/> rounded to at most <paramref name="decimals"/> (0–4) places, trailing zeros dropped.</summary>
    public void Num(double value, int decimals = 2) => Fixed((long)Math.Round(value * Pow10[decimals], MidpointRounding.AwayFromZero), decimals);

    /// <summary>A number given as an integer count of 10^-<paramref name="decimals"/>.</summary>
    public void Fixed(long scaled, int decimals)
    {
        if (scaled < 0)
        {
            Byte((byte)'-');
            scaled = -scaled;
        }
        var unit = Pow10[decimals];
        Int(scaled / unit);
        var fraction = scaled % unit;
        if (fraction == 0) return;
        Byte((byte)'.');
        while (fraction != 0)
        {
            unit /= 10;
            Byte((byte)('0' + fraction / unit));
            fraction %= unit;
        }
    }

    /// <summary>Two hex digits per byte.</summary>
    public void Hex(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            Byte(HexDigit(b >> 4));
            Byte(HexDigit(b & 0xF));
        }
    }

    public void Hex4(int value)
    {
        Byte(HexDigit((value >> 12) & 0xF));
        Byte(HexDigit((value >> 8) & 0xF));
        Byte(HexDigit((value >> 4) & 0xF));
        Byte(HexDigit(value & 0xF));
    }

    private static byte HexDigit(int d) => (byte)(d < 10 ? '0' + d : 'A' + d - 10);

    /// <summary>
    /// A PDF text string: a literal string when it is printable ASCII, otherwise UTF-16BE with a
    /// byte order mark, in hex.
    /// </summary>
    public void TextString(string text)
    {
        var ascii = true;
        foreach (var c in text)
            if (c < 0x20 || c > 0x7E) { ascii = false; break; }
        if (ascii)
        {
            Byte((byte)'(');
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\') Byte((byte)'\\');
                Byte((byte)c);
            }
            Byte((byte)')');
            return;
        }
        Write("<FEFF"u8);
        foreach (var c in text) Hex4(c);
        Byte((byte)'>');
    }

    private void Grow(int needed) => Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + needed));
}
