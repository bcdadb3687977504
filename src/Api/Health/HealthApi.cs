using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pynsights.Api.Health;

/// <summary>
/// <c>/health</c> (every check), <c>/health/ready</c> (can it serve: the checks tagged ready) and
/// <c>/health/live</c> (the process answers; runs no check). Degraded still serves, so it answers 200; unhealthy 503.
/// </summary>
public static class HealthApi
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddPynsightsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Registers a health check that counts for readiness.</summary>
    public static IHealthChecksBuilder AddReadinessCheck<T>(this IHealthChecksBuilder builder, string name) where T : class, IHealthCheck =>
        builder.AddCheck<T>(name, tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("", (HealthCheckService checks, CancellationToken ct) => ReportAsync(checks, _ => true, ct))
            .WithName("GetHealth")
            .WithSummary("Health of the API and of each dependency (content catalog, trace store)");
        health.MapGet("/ready", (HealthCheckService checks, CancellationToken ct) => ReportAsync(checks, c => c.Tags.Contains(ReadyTag), ct))
            .WithName("GetReadiness")
            .WithSummary("Readiness: 200 when the API can serve requests (possibly degraded), 503 when it cannot");
        health.MapGet("/live", (HealthCheckService checks, CancellationToken ct) => ReportAsync(checks, _ => false, ct))
            .WithName("GetLiveness")
            .WithSummary("Liveness: 200 while the process answers");
        return app;
    }

    internal static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> ReportAsync(
        HealthCheckService checks, Func<HealthCheckRegistration, bool> predicate, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(predicate, cancellationToken);
        var body = new HealthResponse(
            Status: Name(report.Status),
            DurationMs: Math.Round(report.TotalDuration.TotalMilliseconds, 3),
            Checks: report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthCheckResponse(Name(e.Value.Status), e.Value.Description, e.Value.Data.Count > 0 ? e.Value.Data : null)));
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(body);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
