using Microsoft.AspNetCore.Mvc;

namespace Pynsights.Api.Web;

/// <summary>Query parameters of <c>GET /api/v1/oembed</c> (oEmbed 1.0).</summary>
/// <param name="Url">A page of this site to embed: an embed player <c>/embed/simulations/{id}</c> (with its <c>input</c>, <c>v</c> and <c>step</c>) or a topic <c>/topics/{id}</c> (its <c>sim</c>, or its first simulator). At most 2048 characters.</param>
/// <param name="MaxWidth">Largest width the consumer can show, in pixels (1 to 8192).</param>
/// <param name="MaxHeight">Largest height the consumer can show, in pixels (1 to 8192).</param>
/// <param name="Format">Only <c>json</c> (the default); <c>xml</c> answers 501 as oEmbed requires.</param>
public sealed record OEmbedRequest(
    [FromQuery(Name = "url")] string? Url = null,
    [FromQuery(Name = "maxwidth")] string? MaxWidth = null,
    [FromQuery(Name = "maxheight")] string? MaxHeight = null,
    [FromQuery(Name = "format")] string? Format = null);
