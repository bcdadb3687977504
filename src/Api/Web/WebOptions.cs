using System.ComponentModel.DataAnnotations;

namespace Pynsights.Api.Web;

/// <summary>Configuration section <c>Web</c>: the built reference frontend and the oEmbed endpoint that describes its player.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// Folder of the built frontend (<c>index.html</c> and <c>assets/</c>). Empty: the first <c>clients/web/dist</c>
    /// found walking up from the app's content root and from the binaries' folder. Missing: the API runs headless.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Width of the embedded player when the consumer sets no <c>maxwidth</c>.</summary>
    [Range(1, 8192)]
    public int EmbedWidth { get; set; } = 800;

    /// <summary>Height of the embedded player when the consumer sets no <c>maxheight</c>.</summary>
    [Range(1, 8192)]
    public int EmbedHeight { get; set; } = 600;

    /// <summary>Largest <c>maxwidth</c> and <c>maxheight</c> accepted.</summary>
    [Range(1, 65536)]
    public int MaxEmbedSize { get; set; } = 8192;

    /// <summary>Longest <c>url</c> accepted by oEmbed.</summary>
    [Range(16, 65536)]
    public int MaxUrlLength { get; set; } = 2048;

    /// <summary>Seconds a consumer may cache an oEmbed answer (<c>cache_age</c>).</summary>
    [Range(0, 31_536_000)]
    public int CacheAgeSeconds { get; set; } = 86_400;
}
