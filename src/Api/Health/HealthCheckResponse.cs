namespace Pynsights.Api.Health;

/// <summary>One check of <c>/health</c>.</summary>
public sealed record HealthCheckResponse(string Status, string? Description, IReadOnlyDictionary<string, object>? Data);
