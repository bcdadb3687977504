namespace Pynsights.Api.Content;

/// <summary>A section of the manual (sequences, language, ...), as authored in <c>content/sections.yaml</c>.</summary>
public sealed record Section(string Id, string Title, int Order, string Summary);
