namespace Pynsights.Api.Content;

/// <summary>
/// One topic of the manual: front matter plus, when published, the guide. Immutable; built by
/// <see cref="ContentLoader"/>.
/// </summary>
public sealed record Topic(
    string Id,
    string Title,
    string Section,
    int Order,
    TopicStatus Status,
    string Summary,
    VersionRange PythonVersions,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Reference> References,
    IReadOnlyList<string> Diagrams,
    IReadOnlyList<string> Simulations,
    IReadOnlyList<string> PlannedSimulations,
    IReadOnlyList<string> Benchmarks,
    Guide? Guide,
    string SourceFile)
{
    /// <summary>Lower-cased plain text of title, summary and guide, for search.</summary>
    internal SearchText SearchText { get; init; } = SearchText.Empty;
}

/// <summary>Lower-cased searchable fields of a topic.</summary>
internal sealed record SearchText(string Title, string Summary, string Body)
{
    public static SearchText Empty { get; } = new("", "", "");
}
