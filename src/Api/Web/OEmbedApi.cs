using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pynsights.Api.Infrastructure;
using Pynsights.Api.Topics;
using Pynsights.Simulation;

namespace Pynsights.Api.Web;

/// <summary>
/// <c>GET /api/v1/oembed</c>: oEmbed 1.0 for the embeddable simulation player, so a CMS or LMS page can embed a
/// simulation by pasting its URL (https://oembed.com).
/// </summary>
public static class OEmbedApi
{
    public static IEndpointRouteBuilder MapOEmbedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Embedding")
            .MapGet("/oembed", GetOEmbed)
            .WithName("GetOEmbed")
            .WithSummary("Describe the embeddable simulation player of a page for oEmbed consumers")
            .WithDescription("oEmbed 1.0 (`type: rich`): for a URL of this site — an embed player `/embed/simulations/{id}?input=&v=&step=` or a topic `/topics/{id}?sim=` — the iframe HTML and its size, within `maxwidth` × `maxheight` (1 to 8192; default 800 × 600). `url` is at most 2048 characters and must be on this site's origin. Only `format=json`: any other format answers 501.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .WithETags();
        return app;
    }

    internal static Results<Ok<OEmbedResponse>, ProblemHttpResult> GetOEmbed(
        [AsParameters] OEmbedRequest request, HttpContext context, SimulatorCatalog simulators, TopicQueries topics, IOptions<WebOptions> options)
    {
        var web = options.Value;
        if (request.Format is { } format && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                title: "Format not implemented",
                detail: $"oEmbed format '{format}' is not implemented; use format=json.",
                statusCode: StatusCodes.Status501NotImplemented,
                type: ProblemTypes.NotAcceptable,
                extensions: new Dictionary<string, object?> { ["field"] = "format", ["supported"] = new[] { "json" } });
        }

        if (string.IsNullOrEmpty(request.Url))
        {
            return Problems.InvalidParameter("url", "'url' is required: the address of a page of this site to embed.");
        }

        if (request.Url.Length > web.MaxUrlLength)
        {
            return Problems.InvalidParameter("url", $"'url' must be at most {web.MaxUrlLength} characters (got {request.Url.Length}).", web.MaxUrlLength);
        }

        var (width, widthError) = Size("maxwidth", request.MaxWidth, web.EmbedWidth, web.MaxEmbedSize);
        if (widthError is not null)
        {
            return widthError;
        }

        var (height, heightError) = Size("maxheight", request.MaxHeight, web.EmbedHeight, web.MaxEmbedSize);
        if (heightError is not null)
        {
            return heightError;
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return Problems.InvalidParameter("url", "'url' must be an absolute http or https URL.");
        }

        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        if (!string.Equals(url.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.NotFound("embeddable page", request.Url);
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        var segments = url.AbsolutePath.Trim('/').Split('/');
        string? simulatorId = segments switch
        {
            ["embed", "simulations", var id] => id,
            ["topics", var topicId] when topics.Find(topicId) is { } topic =>
                query.TryGetValue("sim", out var sim) ? sim.ToString() : topic.Simulations.FirstOrDefault(),
            _ => null,
        };
        if (simulatorId is null || simulators.Find(simulatorId) is not { } simulator)
        {
            return Problems.NotFound("embeddable page", request.Url);
        }

        // The embed page takes the player's state (input, version, step) from the query, as the topic page does.
        var embed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"{origin}/embed/simulations/{Uri.EscapeDataString(simulator.Descriptor.Id)}",
            query.Where(q => q.Key is "input" or "v" or "step"));
        var title = simulator.Descriptor.Title;
        var html = string.Create(CultureInfo.InvariantCulture,
            $"<iframe src=\"{HtmlEncoder.Default.Encode(embed)}\" width=\"{width}\" height=\"{height}\" title=\"{HtmlEncoder.Default.Encode($"Pynsights: {title}")}\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>");
        return TypedResults.Ok(new OEmbedResponse("rich", "1.0", title, "Pynsights", origin, web.CacheAgeSeconds, html, width, height));
    }

    /// <summary>The default size, shrunk to the consumer's maximum; a maximum outside 1..limit is a problem.</summary>
    private static (int Size, ProblemHttpResult? Error) Size(string field, string? max, int preferred, int limit)
    {
        if (string.IsNullOrEmpty(max))
        {
            return (preferred, null);
        }

        if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > limit)
        {
            return (0, Problems.InvalidParameter(field, $"'{field}' must be a whole number of pixels from 1 to {limit} (got '{max}').", limit));
        }

        return (Math.Min(preferred, value), null);
    }
}
