using System.Globalization;

namespace CommissioningPortal.Domain.Common;

/// <summary>
/// Characters people cannot see or type on purpose. Free text (descriptions, narratives) may hold
/// tabs and line breaks but no other control character — a NUL cannot even be stored by PostgreSQL.
/// Identifiers (references, codes) hold no control character at all, nor the invisible "format"
/// characters that make two references look the same or reverse how one reads: zero-width spaces
/// and joiners, right-to-left overrides and isolates, soft hyphens, the byte-order mark.
/// </summary>
public static class PlainText
{
    /// <summary>
    /// True for a control character other than tab, line feed and carriage return (NUL, DEL, escape …),
    /// and for U+FFFD, which stands for a character that could not be read (the web layer turns a NUL into it).
    /// </summary>
    public static bool IsUnwantedInText(char c) =>
        (char.IsControl(c) && c is not '\t' and not '\n' and not '\r') || c == Unreadable;

    /// <summary>U+FFFD REPLACEMENT CHARACTER, shown as �.</summary>
    public const char Unreadable = '\uFFFD';

    /// <summary>True for any control character, line or paragraph separator, or invisible format character.</summary>
    public static bool IsUnwantedInIdentifier(char c) =>
        char.IsControl(c) || c == Unreadable || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Null when <paramref name="text"/> is fine as free text; otherwise why not, naming the character.</summary>
    public static string? ProblemInText(string? text) =>
        text is null || !text.Any(IsUnwantedInText) ? null : $"contains a character that cannot be saved ({Name(text.First(IsUnwantedInText))}). Delete it and type that part again";

    /// <summary>Null when <paramref name="identifier"/> is fine as a reference or code; otherwise why not, naming the character.</summary>
    public static string? ProblemInIdentifier(string? identifier) =>
        identifier is null || !identifier.Any(IsUnwantedInIdentifier) ? null : $"contains a hidden character ({Name(identifier.First(IsUnwantedInIdentifier))}). Use only letters, numbers, spaces and punctuation you can see";

    private static string Name(char c) => c switch
    {
        '\0' => "NUL",
        Unreadable => "shown as �: a NUL or another character that could not be read",
        '\t' => "a tab",
        '\n' or '\r' => "a line break",
        '\u200B' => "a zero-width space",
        '\u200C' or '\u200D' => "a zero-width joiner",
        '\u00AD' => "a soft hyphen",
        '\uFEFF' => "a byte-order mark",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' => "a right-to-left or left-to-right mark",
        _ => $"U+{(int)c:X4}",
    };
}
