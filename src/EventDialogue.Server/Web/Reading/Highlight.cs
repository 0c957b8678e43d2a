using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace EventDialogue.Server.Web.Reading;

/// <summary>
/// A search hit's text as HTML: the store marks each matching word [like this]; the words are encoded and each marked
/// one is put in &lt;mark&gt;. A bracket that was in the text itself shows as it was when it does not pair.
/// </summary>
public static class Highlight
{
    public static IHtmlContent Html(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var html = new StringBuilder();
        var at = 0;
        while (at < marked.Length)
        {
            var open = marked.IndexOf('[', at);
            var close = open < 0 ? -1 : marked.IndexOf(']', open + 1);
            if (open < 0 || close < 0)
            {
                html.Append(HtmlEncoder.Default.Encode(marked[at..]));
                break;
            }

            html.Append(HtmlEncoder.Default.Encode(marked[at..open]));
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(marked[(open + 1)..close])).Append("</mark>");
            at = close + 1;
        }

        return new HtmlString(html.ToString());
    }
}
