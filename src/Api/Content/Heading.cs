namespace Pynsights.Api.Content;

/// <summary>A heading of a guide, with the anchor its HTML rendering carries.</summary>
public sealed record Heading(int Level, string Text, string Anchor);
