using System.ComponentModel.DataAnnotations;

namespace Pynsights.Api.Content;

/// <summary>Configuration section <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// Folder holding <c>sections.yaml</c> and <c>topics/</c>. Empty: the first <c>content/</c> folder found walking up
    /// from the app's content root and from the binaries' folder.
    /// </summary>
    public string? Root { get; set; }

    /// <summary>Reload the catalog when a file under the root changes (an invalid edit keeps the previous catalog).</summary>
    public bool Watch { get; set; }

    /// <summary>Milliseconds to wait after the last change before reloading.</summary>
    [Range(50, 60_000)]
    public int WatchDebounceMilliseconds { get; set; } = 300;
}
