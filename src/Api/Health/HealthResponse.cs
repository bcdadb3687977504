namespace Pynsights.Api.Health;

/// <summary>The body of <c>/health</c>: overall status and each check's.</summary>
public sealed record HealthResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthCheckResponse> Checks);
