namespace Pynsights.Api.Content;

/// <summary>Whether a topic's guide is written.</summary>
public enum TopicStatus
{
    /// <summary>On the map, with a title and summary, but no guide yet.</summary>
    Planned,

    /// <summary>The guide is written and served.</summary>
    Published,
}
