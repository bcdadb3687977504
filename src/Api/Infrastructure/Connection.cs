namespace Pynsights.Api.Infrastructure;

/// <summary>A page of a listing in the Relay connection shape, the same in REST and GraphQL.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount);
