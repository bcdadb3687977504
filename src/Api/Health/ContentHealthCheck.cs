using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pynsights.Api.Content;

namespace Pynsights.Api.Health;

/// <summary>Healthy when the catalog is loaded; degraded when the last reload failed and an older catalog is served.</summary>
internal sealed class ContentHealthCheck(ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var catalog = store.Current;
        var data = new Dictionary<string, object>
        {
            ["version"] = catalog.Version,
            ["topics"] = catalog.Topics.Count,
            ["published"] = catalog.Topics.Count(t => t.Status == TopicStatus.Published),
            ["loadedAt"] = catalog.LoadedAt,
        };
        if (store.LastReloadErrors.Count > 0)
        {
            data["reloadErrors"] = store.LastReloadErrors.Select(e => e.ToString()).ToArray();
            return Task.FromResult(HealthCheckResult.Degraded("The last content reload failed; the previous catalog is served.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{catalog.Topics.Count} topics loaded.", data));
    }
}
