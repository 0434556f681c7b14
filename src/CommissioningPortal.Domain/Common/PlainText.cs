using System.Globalization;
using System.Text;

namespace CommissioningPortal.Domain.Common;

/// <summary>
/// Characters nobody means to type into a form: control characters (line breaks, tabs, NUL), and
/// invisible ones that make two strings look the same or reorder what is shown (zero-width spaces,
/// right-to-left overrides, no-break spaces in a reference). Three strengths:
/// <list type="bullet">
/// <item><see cref="IdentifierProblem"/> — references and numbers people compare, sort and search:
/// nothing invisible at all, and only the ordinary space;</item>
/// <item><see cref="LineProblem"/> — names and titles: no control characters, no direction controls or
/// zero-width spaces (zero-width joiners stay: scripts and emoji need them);</item>
/// <item><see cref="ParagraphsProblem"/> — descriptions and reasons: as a line, but line breaks and tabs are fine.</item>
/// </list>
/// Each returns the message for the first character refused, naming it and its code point, or null.
/// </summary>
public static class PlainText
{
    public enum Kind { Identifier, Line, Paragraphs }

    /// <summary>
    /// The usual checks of typed text, trimmed, in order: given (when <paramref name="whenMissing"/>
    /// says what to ask for), at most <paramref name="maxLength"/> characters, nothing hidden for its
    /// <paramref name="kind"/>. <paramref name="label"/> starts the messages ("The reference").
    /// </summary>
    public static string? Problem(string? value, string label, int maxLength, Kind kind, string? whenMissing = null) => value?.Trim() switch
    {
        null or "" => whenMissing,
        { Length: var length } when length > maxLength => $"{label} must be {maxLength:#,0} characters or fewer.",
        var text => kind switch
        {
            Kind.Identifier => IdentifierProblem(label, text),
            Kind.Line => LineProblem(label, text),
            _ => ParagraphsProblem(label, text),
        },
    };

    /// <summary>Why <paramref name="value"/> cannot be an identifier, or null. <paramref name="label"/> starts the message ("The reference").</summary>
    public static string? IdentifierProblem(string label, string? value) =>
        Problem(label, value, static r => IsControlOrInvisible(r) || (Rune.GetUnicodeCategory(r) == UnicodeCategory.SpaceSeparator && r.Value != ' '));

    /// <summary>Why <paramref name="value"/> cannot be a one-line name or title, or null.</summary>
    public static string? LineProblem(string label, string? value) => Problem(label, value, static r => IsRefusedInText(r));

    /// <summary>Why <paramref name="value"/> cannot be text of one or more paragraphs, or null.</summary>
    public static string? ParagraphsProblem(string label, string? value) =>
        Problem(label, value, static r => r.Value is not ('\r' or '\n' or '\t') && IsRefusedInText(r));

    private static string? Problem(string label, string? value, Func<Rune, bool> refused)
    {
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var rune in value.EnumerateRunes())
        {
            if (refused(rune))
            {
                return $"{label} has a hidden or control character in it: {NameOf(rune)} (U+{rune.Value:X4}). Type it again without it.";
            }
        }
        // A lone surrogate cannot be a rune: EnumerateRunes yields U+FFFD for it.
        return value.Contains('\uFFFD') ? $"{label} has a character that could not be read (U+FFFD). Type it again." : null;
    }

    private static bool IsControlOrInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x180E or 0x2800 or 0x3164 or 0xFFA0 or >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    private static bool IsRefusedInText(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
        || IsDirectionControl(rune.Value) || rune.Value is 0x200B or 0x2060 or 0xFEFF or 0x180E;

    /// <summary>Marks, embeddings, overrides and isolates that change the order text is shown in.</summary>
    private static bool IsDirectionControl(int c) => c is 0x061C or 0x200E or 0x200F or >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static string NameOf(Rune rune) => rune.Value switch
    {
        0x0000 => "a null character",
        0x0009 => "a tab",
        0x000A or 0x000D => "a line break",
        0x00A0 => "a no-break space",
        0x00AD => "a soft hyphen",
        0x061C => "an Arabic letter mark",
        0x200B => "a zero-width space",
        0x200C => "a zero-width non-joiner",
        0x200D => "a zero-width joiner",
        0x200E => "a left-to-right mark",
        0x200F => "a right-to-left mark",
        0x2028 => "a line separator",
        0x2029 => "a paragraph separator",
        0x202A => "a left-to-right embedding",
        0x202B => "a right-to-left embedding",
        0x202C => "a pop directional formatting",
        0x202D => "a left-to-right override",
        0x202E => "a right-to-left override",
        0x2060 => "a word joiner",
        0x2066 => "a left-to-right isolate",
        0x2067 => "a right-to-left isolate",
        0x2068 => "a first strong isolate",
        0x2069 => "a pop directional isolate",
        0xFEFF => "a zero-width no-break space",
        _ => Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => "a control character",
            UnicodeCategory.SpaceSeparator => "a space that is not an ordinary space",
            UnicodeCategory.PrivateUse => "a private-use character",
            UnicodeCategory.OtherNotAssigned => "an unassigned character",
            _ => "an invisible character",
        },
    };
}
