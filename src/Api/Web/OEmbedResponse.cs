using System.Text.Json.Serialization;

namespace Pynsights.Api.Web;

/// <summary>An oEmbed 1.0 <c>rich</c> response: the iframe HTML of the embeddable simulation player, with its size.</summary>
/// <param name="Type">Always <c>rich</c>.</param>
/// <param name="Version">Always <c>1.0</c>.</param>
/// <param name="Title">The simulator's title.</param>
/// <param name="ProviderName">Always <c>Pynsights</c>.</param>
/// <param name="ProviderUrl">The site's origin.</param>
/// <param name="CacheAge">Seconds the consumer may cache this answer.</param>
/// <param name="Html">An <c>iframe</c> of the embed player, within <c>maxwidth</c> × <c>maxheight</c>.</param>
/// <param name="Width">Width of the iframe in pixels.</param>
/// <param name="Height">Height of the iframe in pixels.</param>
public sealed record OEmbedResponse(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("provider_name")] string ProviderName,
    [property: JsonPropertyName("provider_url")] string ProviderUrl,
    [property: JsonPropertyName("cache_age")] int CacheAge,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);
