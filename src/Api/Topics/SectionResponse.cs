namespace Pynsights.Api.Topics;

/// <summary>A section of the manual with how many of its topics exist and are published.</summary>
public sealed record SectionResponse(string Id, string Title, int Order, string Summary, int TopicCount, int PublishedCount);
