using Pynsights.Api.Content;

namespace Pynsights.Api.Topics;

/// <summary>A topic as listed: enough to draw a catalog card.</summary>
public sealed record TopicSummaryResponse(
    string Id,
    string Title,
    string Section,
    int Order,
    TopicStatus Status,
    string Summary,
    VersionRange PythonVersions,
    IReadOnlyList<string> Tags)
{
    public static TopicSummaryResponse From(Topic topic) =>
        new(topic.Id, topic.Title, topic.Section, topic.Order, topic.Status, topic.Summary, topic.PythonVersions, topic.Tags);
}
