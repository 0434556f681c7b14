using SkiaSharp;

namespace CommissioningPortal.Documents.Pdf;

/// <summary>
/// An image ready to be written as an XObject: a JPEG is passed through as it is (DCTDecode, read
/// only for its size and colour components); a PNG is decoded by SkiaSharp into 8-bit RGB (or grey)
/// samples, deflated, with its alpha as a soft mask when it has any transparency.
/// </summary>
internal sealed class PdfImageSource
{
    private PdfImageSource(int width, int height, int components, byte[] data, bool jpeg, byte[]? alpha)
    {
        Width = width; Height = height; Components = components; Data = data; IsJpeg = jpeg; Alpha = alpha;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>1 (grey), 3 (RGB) or 4 (CMYK, JPEG only).</summary>
    public int Components { get; }

    /// <summary>The JPEG file, or the deflated samples.</summary>
    public byte[] Data { get; }

    public bool IsJpeg { get; }

    /// <summary>Deflated 8-bit alpha samples, or null when opaque.</summary>
    public byte[]? Alpha { get; }

    public static PdfImageSource From(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8) return Jpeg(bytes);
        if (bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G') return Png(bytes);
        throw new ArgumentException("The image is neither a PNG nor a JPEG.", nameof(bytes));
    }

    private static PdfImageSource Jpeg(byte[] bytes)
    {
        // Walk the markers to the first start-of-frame (SOF0–SOF15 except DHT/JPG/DAC).
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF) { i++; continue; }
            var marker = bytes[i + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF) { i += marker == 0xFF ? 1 : 2; continue; }
            var length = (bytes[i + 2] << 8) | bytes[i + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = (bytes[i + 5] << 8) | bytes[i + 6];
                var width = (bytes[i + 7] << 8) | bytes[i + 8];
                var components = bytes[i + 9];
                if (width == 0 || height == 0 || components is not (1 or 3 or 4)) break;
                return new PdfImageSource(width, height, components, bytes, jpeg: true, alpha: null);
            }
            i += 2 + length;
        }
        throw new ArgumentException("The JPEG has no frame header this writer can read.");
    }

    private static PdfImageSource Png(byte[] bytes)
    {
        using var decoded = SKBitmap.Decode(bytes) ?? throw new ArgumentException("The PNG could not be decoded.");
        var info = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (!decoded.CopyTo(bitmap, SKColorType.Rgba8888) && !decoded.ScalePixels(bitmap, new SKSamplingOptions(SKFilterMode.Nearest)))
            throw new ArgumentException("The PNG could not be converted to RGB.");
        var pixels = bitmap.GetPixelSpan();
        var count = info.Width * info.Height;
        var rgb = new byte[count * 3];
        var alpha = new byte[count];
        var opaque = true;
        for (var p = 0; p < count; p++)
        {
            rgb[3 * p] = pixels[4 * p];
            rgb[3 * p + 1] = pixels[4 * p + 1];
            rgb[3 * p + 2] = pixels[4 * p + 2];
            alpha[p] = pixels[4 * p + 3];
            if (alpha[p] != 255) opaque = false;
        }
        return new PdfImageSource(info.Width, info.Height, 3, Deflate(rgb), jpeg: false, alpha: opaque ? null : Deflate(alpha));
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        PdfBuffer.Deflate(data, output);
        return output.ToArray();
    }
}
