namespace Pynsights.Api.GraphQL;

/// <summary>Serves the GraphQL IDE page, a file of ours embedded in the assembly (no CDN, works offline).</summary>
internal static class GraphQLIde
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(GraphQLIde).Assembly.GetManifestResourceStream("Pynsights.Api.GraphQL.ide.html")
            ?? throw new InvalidOperationException("The GraphQL IDE page is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'";
        await context.Response.Body.WriteAsync(Page.Value, context.RequestAborted);
    }
}
