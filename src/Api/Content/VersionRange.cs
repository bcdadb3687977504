namespace Pynsights.Api.Content;

/// <summary>The Python versions a topic covers.</summary>
public sealed record VersionRange(string Min, string Max);
