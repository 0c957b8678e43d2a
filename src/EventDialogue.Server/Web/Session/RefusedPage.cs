using System.Text.Encodings.Web;

namespace EventDialogue.Server.Web.Session;

/// <summary>The page a signed-in reader sees for a page their key's roles do not open.</summary>
public static class RefusedPage
{
    public static string Html(string name, string role)
    {
        var encoder = HtmlEncoder.Default;
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Not allowed — EventDialogue</title>
            <link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/site.css"></head>
            <body><main id="main"><h1>Not allowed</h1>
            <p role="alert">The key <strong>{encoder.Encode(name)}</strong> may not open this page: it needs the role <strong>{encoder.Encode(role)}</strong>.</p>
            <p><a href="/">Back to the start page</a> · <a href="/sign-in">Sign in with another key</a></p>
            </main></body></html>
            """;
    }
}
