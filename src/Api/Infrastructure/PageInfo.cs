namespace Pynsights.Api.Infrastructure;

/// <summary>Where a page sits in its listing.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
