using System.Security.Cryptography;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// RFC 6238 time-based one-time codes (SHA-1, 30-second step, 6 digits) — what authenticator apps
/// and ASP.NET Core Identity's authenticator token provider use. For the demo "totp" command and tests.
/// </summary>
public static class Totp
{
    /// <summary>The 30-second step a moment falls in (RFC 6238's T).</summary>
    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    public static string Compute(string base32Key, DateTimeOffset at) => ComputeForStep(base32Key, StepOf(at));

    public static string ComputeForStep(string base32Key, long step)
    {
        var key = Base32Decode(base32Key);
        var counter = step;
        Span<byte> message = stackalloc byte[8];
        for (var i = 7; i >= 0; i--) { message[i] = (byte)(counter & 0xff); counter >>= 8; }
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6");
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) { output.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return [.. output];
    }
}
