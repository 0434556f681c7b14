using System.Text;

namespace CommissioningPortal.Documents.Templates;

internal static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes the characters that Markdown (and pipe tables) would read as markup, and
    /// folds line breaks into ", ", so a merged value is always printed as the text it is.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.Length == 0) return value;
        StringBuilder? sb = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '&' or '!' or '{' or '}'
                || (i == 0 && c is '-' or '+' or '=');
            if (!special && c is not ('\r' or '\n'))
            {
                sb?.Append(c);
                continue;
            }
            if (sb is null)
            {
                sb = new StringBuilder(value.Length + 8);
                sb.Append(value, 0, i);
            }
            if (c == '\r') continue;
            if (c == '\n') sb.Append(", ");
            else sb.Append('\\').Append(c);
        }
        return sb?.ToString() ?? value;
    }
}
