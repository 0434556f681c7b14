using System.Globalization;

namespace CommissioningPortal.Documents;

/// <summary>An sRGB colour (8 bits per channel). PDFs draw it in DeviceRGB, tied to sRGB by the output intent when archival.</summary>
public readonly record struct Color(byte R, byte G, byte B)
{
    public static Color Black { get; } = new(0, 0, 0);
    public static Color White { get; } = new(255, 255, 255);

    /// <summary>"#1B1E21" or "1B1E21" (the short form "#abc" too).</summary>
    public static Color FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.AsSpan().TrimStart('#');
        if (s.Length == 3) s = new string([s[0], s[0], s[1], s[1], s[2], s[2]]);
        if (s.Length != 6 || !uint.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"'{hex}' is not a colour: expected #RRGGBB.");
        return new Color((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}";
}
