using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pynsights.Api.Traces;
using Pynsights.Simulation;
using StackExchange.Redis;

/// <summary>
/// Page reads of cached traces through the same code REST and GraphQL use (TraceQueries → store): the latency of a
/// 100-step page in a 1,000,000-step trace against a 1,000-step one, and pages per second with the in-memory store
/// against Redis. Everything in one process, one run, so the ratios compare like with like on a noisy machine.
/// </summary>
internal static class PageBenchmark
{
    private const int PageSize = 100;
    private const int Reads = 2000;
    private const int Concurrency = 8;

    public static async Task<int> RunAsync(string? redis)
    {
        var memory = new InMemoryTraceStore(Options());
        var (small, large, queries) = await PrepareAsync(memory);
        var smallMs = await LatencyAsync(queries, small);
        var largeMs = await LatencyAsync(queries, large);
        Print($"memory: 100-step page of a {large.StepCount:N0}-step trace {largeMs:F3} ms, of a {small.StepCount:N0}-step trace {smallMs:F3} ms: ratio {largeMs / smallMs:F2}x (goal <= 1.5x)");
        var memoryRate = await ThroughputAsync(queries, large);
        Print($"memory: {memoryRate:N0} pages/s ({Concurrency} concurrent readers)");

        if (redis is null)
        {
            Print("redis: skipped (pass a connection string: pages 127.0.0.1:6379)");
            return 0;
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var store = new RedisTraceStore(connection, Options("bench" + Guid.NewGuid().ToString("N")[..8]));
        var (rsmall, rlarge, rqueries) = await PrepareAsync(store);
        var rsmallMs = await LatencyAsync(rqueries, rsmall);
        var rlargeMs = await LatencyAsync(rqueries, rlarge);
        Print($"redis: 100-step page of a {rlarge.StepCount:N0}-step trace {rlargeMs:F3} ms, of a {rsmall.StepCount:N0}-step trace {rsmallMs:F3} ms: ratio {rlargeMs / rsmallMs:F2}x (goal <= 1.5x)");
        var redisRate = await ThroughputAsync(rqueries, rlarge);
        Print($"redis: {redisRate:N0} pages/s ({Concurrency} concurrent readers); memory/redis {memoryRate / redisRate:F2}x");
        return 0;
    }

    private static IOptions<Pynsights.Api.Traces.TraceOptions> Options(string prefix = "pyn") =>
        Microsoft.Extensions.Options.Options.Create(new Pynsights.Api.Traces.TraceOptions { RedisKeyPrefix = prefix, MemoryBudgetBytes = 4L * 1024 * 1024 * 1024 });

    private static async Task<(TraceManifest Small, TraceManifest Large, TraceQueries Queries)> PrepareAsync(ITraceStore store)
    {
        var options = Options();
        var service = new TraceService(SimulatorCatalog.Default, store, new TraceStatistics(), options, TimeProvider.System, NullLogger<TraceService>.Instance);
        async Task<TraceManifest> Make(int length) =>
            (await service.GetOrCreateAsync("slicing", null, JsonSerializer.SerializeToElement(new { length }), CancellationToken.None)).Manifest!;
        var small = await Make(1_000);
        var large = await Make(1_000_000);
        return (small, large, new TraceQueries(service, options));
    }

    /// <summary>Mean milliseconds of a 100-step page read at seeded random positions, after a warm-up.</summary>
    private static async Task<double> LatencyAsync(TraceQueries queries, TraceManifest trace)
    {
        var random = new Random(42);
        async Task ReadAsync()
        {
            var at = random.Next(0, Math.Max(1, trace.StepCount - PageSize));
            var (page, _) = await queries.StepsAsync(trace.Id, "100", null, null, null, at.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            if (page!.Edges.Count != PageSize)
            {
                throw new InvalidOperationException("short page");
            }
        }

        for (var i = 0; i < 100; i++)
        {
            await ReadAsync();
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Reads; i++)
        {
            await ReadAsync();
        }

        return clock.Elapsed.TotalMilliseconds / Reads;
    }

    private static async Task<double> ThroughputAsync(TraceQueries queries, TraceManifest trace)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async reader =>
        {
            var random = new Random(reader);
            for (var i = 0; i < Reads / Concurrency; i++)
            {
                var at = random.Next(0, trace.StepCount - PageSize).ToString(CultureInfo.InvariantCulture);
                await queries.StepsAsync(trace.Id, "100", null, null, null, at, CancellationToken.None);
            }
        }));
        return Reads / clock.Elapsed.TotalSeconds;
    }

    private static void Print(string line) => Console.WriteLine(line);
}
