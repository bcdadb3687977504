namespace Pynsights.Api.Content;

/// <summary>A reference cited by a topic.</summary>
public sealed record Reference(ReferenceKind Kind, string Title, string Url);
