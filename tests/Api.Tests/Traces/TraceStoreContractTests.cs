using System.Text;
using Pynsights.Api.Traces;

namespace Pynsights.Api.Tests.Traces;

/// <summary>The behaviour every trace store must have, run against the in-memory store and a real Redis.</summary>
public abstract class TraceStoreContractTests : IAsyncDisposable
{
    private const int ChunkSize = 16;

    protected static TraceOptions Options(string prefix = "pyn") => new() { ChunkSize = ChunkSize, RedisKeyPrefix = prefix, MemoryBudgetBytes = 64L * 1024 * 1024 };

    protected abstract ITraceStore Store { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AnUnknownTraceIsNotFound()
    {
        Assert.Null(await Store.FindAsync(NewId(), Ct));
        Assert.Null(await Store.ReadStepsAsync(NewId(), 0, 10, Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public async Task ACommittedTraceReadsBackPageByPage(int steps)
    {
        var id = NewId();
        var manifest = await WriteAsync(id, steps);
        Assert.Equal(manifest, await Store.FindAsync(id, Ct));

        foreach (var (start, count) in new[] { (0, 5), (0, steps), (10, 7), (15, 2), (steps - 3, 10), (steps, 5), (999, 50) })
        {
            var page = await Store.ReadStepsAsync(id, start, count, Ct);
            Assert.NotNull(page);
            var expectedStart = Math.Clamp(start, 0, steps);
            var expected = Enumerable.Range(expectedStart, Math.Clamp(count, 0, steps - expectedStart)).Select(Step).ToArray();
            Assert.Equal(expectedStart, page.Start);
            Assert.Equal(expected, page.Steps.Select(s => Encoding.UTF8.GetString(s.Span)));
            Assert.Equal(steps, page.StepCount);
        }
    }

    [Fact]
    public async Task AnUncommittedTraceIsNeverVisible()
    {
        var id = NewId();
        await using (var writer = await Store.BeginWriteAsync(id, Ct))
        {
            var chunk = new TraceChunks.Builder(ChunkSize);
            Encoding.UTF8.GetBytes(Step(0), chunk.Writer);
            chunk.Commit();
            await writer.AppendChunkAsync(chunk.Flush()!, Ct);
            Assert.Null(await Store.FindAsync(id, Ct));
            Assert.Null(await Store.ReadStepsAsync(id, 0, 1, Ct));
        }

        Assert.Null(await Store.FindAsync(id, Ct));
    }

    [Fact]
    public async Task TheGenerationLeaseIsExclusiveUntilReleased()
    {
        var id = NewId();
        var first = await Store.TryAcquireGenerationAsync(id, TimeSpan.FromSeconds(30), Ct);
        Assert.NotNull(first);
        if (Store.Kind == "redis")
        {
            Assert.Null(await Store.TryAcquireGenerationAsync(id, TimeSpan.FromSeconds(30), Ct));
        }

        await first.DisposeAsync();
        var second = await Store.TryAcquireGenerationAsync(id, TimeSpan.FromSeconds(30), Ct);
        Assert.NotNull(second);
        await second.DisposeAsync();
    }

    [Fact]
    public async Task HealthSaysWhatTheStoreIs()
    {
        var health = await Store.CheckHealthAsync(Ct);
        Assert.True(health.Healthy, health.Description);
    }

    protected static string NewId() => Guid.NewGuid().ToString("N");

    private static string Step(int index) => $$"""{"index":{{index}},"kind":"k","message":"Step {{index}} é.","state":{"n":{{index * 7}}},"highlight":[],"source":null}""";

    private async Task<TraceManifest> WriteAsync(string id, int steps)
    {
        await using var writer = await Store.BeginWriteAsync(id, Ct);
        var chunk = new TraceChunks.Builder(ChunkSize);
        for (var i = 0; i < steps; i++)
        {
            Encoding.UTF8.GetBytes(Step(i), chunk.Writer);
            chunk.Commit();
            if (chunk.IsFull)
            {
                await writer.AppendChunkAsync(chunk.Flush()!, Ct);
            }
        }

        if (chunk.Flush() is { } last)
        {
            await writer.AppendChunkAsync(last, Ct);
        }

        var manifest = new TraceManifest(id, "test", "3.13", 1, "{\"n\":1}", steps, "{\"ok\":true}", ChunkSize,
            new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        await writer.CommitAsync(manifest, Ct);
        return manifest;
    }
}

public sealed class InMemoryTraceStoreTests : TraceStoreContractTests
{
    protected override ITraceStore Store { get; } = new InMemoryTraceStore(Microsoft.Extensions.Options.Options.Create(Options()));

    [Fact]
    public async Task TheLeastRecentlyUsedTraceIsEvictedPastTheBudget()
    {
        var store = new InMemoryTraceStore(Microsoft.Extensions.Options.Options.Create(new TraceOptions { MemoryBudgetBytes = 1024 * 1024, ChunkSize = 16 }));
        var ids = new List<string>();
        var random = new Random(7);
        for (var i = 0; i < 8; i++)
        {
            var id = NewId();
            ids.Add(id);
            await using var writer = await store.BeginWriteAsync(id, TestContext.Current.CancellationToken);
            var noise = new byte[200 * 1024];
            random.NextBytes(noise); // incompressible, so each trace really weighs ~200 KB
            await writer.AppendChunkAsync(noise, TestContext.Current.CancellationToken);
            await writer.CommitAsync(new TraceManifest(id, "t", "3.13", 1, "{}", 1, "{}", 16, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        }

        Assert.True(store.Bytes <= 1024 * 1024);
        Assert.Null(await store.FindAsync(ids[0], TestContext.Current.CancellationToken));
        Assert.NotNull(await store.FindAsync(ids[^1], TestContext.Current.CancellationToken));
    }
}

public sealed class RedisTraceStoreTests : TraceStoreContractTests
{
    private readonly StackExchange.Redis.ConnectionMultiplexer _redis = TestRedis.Connect();

    public RedisTraceStoreTests() =>
        Store = new RedisTraceStore(_redis, Microsoft.Extensions.Options.Options.Create(Options(TestRedis.NewPrefix())));

    protected override ITraceStore Store { get; }

    public override async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task KeysShareTheTraceIdsHashTagForRedisCluster()
    {
        var keys = new RedisTraceKeys("pyn");
        var id = NewId();
        var slots = new[] { keys.Manifest(id), keys.Chunks(id), keys.Lock(id), keys.Building(id, "x") }
            .Select(k => _redis.HashSlot(k)).Distinct();
        Assert.Single(slots);
        Assert.Contains($"{{{id}}}", keys.Manifest(id), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ACommittedTraceExpiresAfterTheTtl()
    {
        var prefix = TestRedis.NewPrefix();
        var store = new RedisTraceStore(_redis, Microsoft.Extensions.Options.Options.Create(new TraceOptions { RedisKeyPrefix = prefix, TtlSeconds = 3600, ChunkSize = 16 }));
        var id = NewId();
        await using (var writer = await store.BeginWriteAsync(id, TestContext.Current.CancellationToken))
        {
            await writer.AppendChunkAsync(TraceChunks.Encode("{}"u8), TestContext.Current.CancellationToken);
            await writer.CommitAsync(new TraceManifest(id, "t", "3.13", 1, "{}", 1, "{}", 16, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        }

        var keys = new RedisTraceKeys(prefix);
        var db = _redis.GetDatabase();
        foreach (var key in new[] { keys.Manifest(id), keys.Chunks(id) })
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.InRange(ttl!.Value.TotalSeconds, 3500, 3600);
        }
    }
}
