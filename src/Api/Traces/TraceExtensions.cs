using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Pynsights.Api.Health;
using StackExchange.Redis;

namespace Pynsights.Api.Traces;

public static class TraceExtensions
{
    /// <summary>
    /// The trace store: Redis (with memory as the fallback while Redis is away) when
    /// <c>Traces:RedisConnectionString</c> or <c>REDIS_URL</c> is set, else memory alone.
    /// </summary>
    public static IServiceCollection AddTraces(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TraceOptions>()
            .BindConfiguration(TraceOptions.SectionName)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.RedisConnectionString) && configuration["REDIS_URL"] is { Length: > 0 } url)
                {
                    o.RedisConnectionString = RedisUrl.ToConfiguration(url);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<TraceStatistics>();
        services.AddSingleton<InMemoryTraceStore>();
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<TraceOptions>>().Value.RedisConnectionString!);
            options.AbortOnConnectFail = false; // start without Redis, reconnect when it comes
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<RedisTraceStore>();
        services.AddSingleton<FailoverTraceStore>();
        services.AddSingleton<ITraceStore>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<TraceOptions>>().Value.RedisConnectionString)
                ? sp.GetRequiredService<InMemoryTraceStore>()
                : sp.GetRequiredService<FailoverTraceStore>());
        services.AddSingleton<TraceService>();
        services.AddSingleton<TraceQueries>();
        services.AddHealthChecks().AddReadinessCheck<TraceStoreHealthCheck>("traceStore");
        return services;
    }
}

/// <summary>Healthy with Redis or memory; degraded while Redis is configured but away (the API still answers).</summary>
internal sealed class TraceStoreHealthCheck(ITraceStore store, TraceStatistics statistics) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await store.CheckHealthAsync(cancellationToken);
        var data = new Dictionary<string, object>(health.Data)
        {
            ["kind"] = store.Kind,
            ["generated"] = statistics.Generated,
            ["cacheHits"] = statistics.CacheHits,
        };
        return health.Healthy ? HealthCheckResult.Healthy(health.Description, data) : HealthCheckResult.Degraded(health.Description, data: data);
    }
}
