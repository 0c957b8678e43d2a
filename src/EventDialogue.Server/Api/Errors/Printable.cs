using System.Globalization;
using System.Text;

namespace EventDialogue.Server.Api.Errors;

/// <summary>
/// Error messages quote what the client sent; a NUL or other control character quoted raw would cut or garble the
/// message in a terminal or a log, so each is written as its escape (\u0000) instead.
/// </summary>
public static class Printable
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
