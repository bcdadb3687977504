using Pynsights.Api.Content;

namespace Pynsights.Api.Topics;

/// <summary>A topic whole: metadata, references, linked diagrams/simulations/benchmarks and the guide (null while planned).</summary>
public sealed record TopicResponse(
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
    Guide? Guide)
{
    public static TopicResponse From(Topic topic) =>
        new(topic.Id, topic.Title, topic.Section, topic.Order, topic.Status, topic.Summary, topic.PythonVersions,
            topic.Tags, topic.References, topic.Diagrams, topic.Simulations, topic.PlannedSimulations, topic.Benchmarks,
            topic.Guide);
}
