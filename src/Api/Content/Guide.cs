namespace Pynsights.Api.Content;

/// <summary>A written guide in its three forms: Markdown source, HTML, and the outline of its headings.</summary>
public sealed record Guide(string Markdown, string Html, IReadOnlyList<Heading> Outline, int WordCount);
