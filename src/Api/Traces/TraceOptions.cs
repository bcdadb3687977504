using System.ComponentModel.DataAnnotations;

namespace Pynsights.Api.Traces;

/// <summary>Configuration section <c>Traces</c>: how traces are generated, kept and paged.</summary>
public sealed class TraceOptions
{
    public const string SectionName = "Traces";

    /// <summary>Redis connection string (StackExchange.Redis syntax); empty keeps traces in memory. <c>REDIS_URL</c> also sets it.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Prefix of every Redis key, so several deployments can share one Redis.</summary>
    [RegularExpression("^[a-z0-9:_-]{1,32}$")]
    public string RedisKeyPrefix { get; set; } = "pyn";

    /// <summary>How long a trace stays in Redis after it was last written (seconds).</summary>
    [Range(60, 365 * 24 * 3600)]
    public int TtlSeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>Bytes of compressed trace data the in-memory store keeps before evicting the least recently used.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long MemoryBudgetBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Steps per stored chunk: a page read touches at most two chunks per page-size worth of steps.</summary>
    [Range(16, 4096)]
    public int ChunkSize { get; set; } = 256;

    /// <summary>The most steps a trace may have; generation beyond it stops with a 422 problem.</summary>
    [Range(1, 50_000_000)]
    public int MaxSteps { get; set; } = 2_000_000;

    /// <summary>The largest <c>first</c>/<c>last</c> of a steps page.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 500;

    /// <summary>Steps on a page when neither <c>first</c> nor <c>last</c> is given.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>How long a replica may hold the generation lock of a trace before another may take over (seconds).</summary>
    [Range(1, 3600)]
    public int LockSeconds { get; set; } = 120;

    /// <summary>How long a request waits for a trace another request or replica is generating (seconds).</summary>
    [Range(1, 3600)]
    public int WaitSeconds { get; set; } = 120;
}
