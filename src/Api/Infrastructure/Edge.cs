namespace Pynsights.Api.Infrastructure;

/// <summary>One item of a page with the cursor that points at it.</summary>
public sealed record Edge<T>(string Cursor, T Node);
