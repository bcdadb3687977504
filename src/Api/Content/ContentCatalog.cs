using System.Collections.Frozen;
using Pynsights.Api.Diagrams;

namespace Pynsights.Api.Content;

/// <summary>
/// The whole manual as loaded and validated from <c>content/</c>: immutable, swapped whole on reload.
/// </summary>
public sealed class ContentCatalog
{
    private readonly FrozenDictionary<string, Topic> _topics;
    private readonly FrozenDictionary<string, Section> _sections;

    public ContentCatalog(
        IReadOnlyList<Section> sections, IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, DiagramSpec> diagrams, string version, DateTimeOffset loadedAt)
    {
        Diagrams = diagrams.ToFrozenDictionary(StringComparer.Ordinal);
        Sections = [.. sections.OrderBy(s => s.Order)];
        Topics = [.. topics.OrderBy(t => t.Order)];
        _sections = Sections.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _topics = Topics.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        Version = version;
        LoadedAt = loadedAt;
    }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>Every diagram spec, by id.</summary>
    public FrozenDictionary<string, DiagramSpec> Diagrams { get; }

    /// <summary>Every topic in manual order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>A hash of every content file: changes whenever any of them does.</summary>
    public string Version { get; }

    public DateTimeOffset LoadedAt { get; }

    public Topic? FindTopic(string id) => _topics.GetValueOrDefault(id);

    public Section? FindSection(string id) => _sections.GetValueOrDefault(id);
}
