using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pynsights.Api.Traces;

/// <summary>
/// Traces in Redis, shared by every replica. Layout per trace (all keys hash-tagged by the id):
/// a hash <c>manifest</c>, a list <c>chunks</c> of compressed step chunks (a page is one LRANGE), a
/// <c>building:{token}</c> list written while generating and renamed into place on commit (so a partial trace is
/// never visible), and a <c>lock</c> string (SET NX PX) that makes generation single-flight across replicas.
/// </summary>
public sealed class RedisTraceStore(IConnectionMultiplexer redis, IOptions<TraceOptions> options) : ITraceStore
{
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private static readonly RedisValue[] PagingFields = ["stepCount", "chunkSize"];

    private readonly RedisTraceKeys _keys = new(options.Value.RedisKeyPrefix);
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(options.Value.TtlSeconds);
    private readonly TimeSpan _buildingTtl = TimeSpan.FromSeconds(options.Value.LockSeconds * 2);

    public string Kind => "redis";

    public bool IsConnected => redis.IsConnected;

    private IDatabase Db => redis.GetDatabase();

    public async ValueTask<TraceManifest?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var fields = await Db.HashGetAllAsync(_keys.Manifest(id));
        return Parse(id, fields);
    }

    public async ValueTask<StepPage?> ReadStepsAsync(string id, int start, int count, CancellationToken cancellationToken)
    {
        // One round trip: two small manifest fields (never the input or result, which can be megabytes) and the
        // chunks that may hold the page, pipelined. The chunk range comes from the requested range; clipping to the
        // trace's length happens once its step count is known.
        var db = Db;
        var chunkSize = options.Value.ChunkSize;
        var firstChunk = Math.Max(0, start) / chunkSize;
        var lastChunk = (Math.Max(0, start) + Math.Max(count, 1) - 1) / chunkSize;
        var fieldsTask = db.HashGetAsync(_keys.Manifest(id), PagingFields);
        var chunksTask = db.ListRangeAsync(_keys.Chunks(id), firstChunk, lastChunk);
        await Task.WhenAll(fieldsTask, chunksTask);

        var fields = fieldsTask.Result;
        if (fields[0].IsNull || fields[1].IsNull)
        {
            return null;
        }

        var stepCount = (int)fields[0];
        var storedChunkSize = (int)fields[1];
        start = Math.Clamp(start, 0, stepCount);
        count = Math.Clamp(count, 0, stepCount - start);
        if (count == 0)
        {
            return new StepPage(start, stepCount, []);
        }

        var values = chunksTask.Result;
        if (storedChunkSize != chunkSize)
        {
            // Written by a replica configured with another chunk size: read the chunks that one used.
            (chunkSize, firstChunk) = (storedChunkSize, start / storedChunkSize);
            values = await db.ListRangeAsync(_keys.Chunks(id), firstChunk, (start + count - 1) / storedChunkSize);
        }

        if ((start + count - 1) / chunkSize - firstChunk + 1 > values.Length)
        {
            throw new InvalidOperationException($"Trace {id} is missing chunks from {firstChunk} in Redis.");
        }

        return new StepPage(start, stepCount, TraceChunks.Slice(values.Select(c => (ReadOnlyMemory<byte>)(byte[])c!), firstChunk * chunkSize, start, count));
    }

    public ValueTask<ITraceWriter> BeginWriteAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ITraceWriter>(new Writer(this, id, Guid.NewGuid().ToString("N")));

    public async ValueTask<IAsyncDisposable?> TryAcquireGenerationAsync(string id, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var key = _keys.Lock(id);
        return await Db.StringSetAsync(key, token, lease, When.NotExists) ? new Lease(Db, key, token) : null;
    }

    public async ValueTask<TraceStoreHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var latency = await Db.PingAsync();
        return new TraceStoreHealth(true, "Traces are shared through Redis.", new Dictionary<string, object>
        {
            ["pingMs"] = Math.Round(latency.TotalMilliseconds, 3),
            ["endpoints"] = redis.GetEndPoints().Select(e => e.ToString() ?? "").ToArray(),
        });
    }

    private static TraceManifest? Parse(string id, HashEntry[] fields)
    {
        if (fields.Length == 0)
        {
            return null;
        }

        var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
        return new TraceManifest(
            id,
            map["simulator"],
            map["pythonVersion"],
            int.Parse(map["logicVersion"], CultureInfo.InvariantCulture),
            map["input"],
            int.Parse(map["stepCount"], CultureInfo.InvariantCulture),
            map["result"],
            int.Parse(map["chunkSize"], CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(map["createdAt"], CultureInfo.InvariantCulture));
    }

    private sealed class Writer(RedisTraceStore store, string id, string token) : ITraceWriter
    {
        private readonly string _building = store._keys.Building(id, token);
        private bool _started;
        private bool _committed;

        public async ValueTask AppendChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            var db = store.Db;
            await db.ListRightPushAsync(_building, chunk);
            if (!_started)
            {
                // A generator that dies leaves nothing behind for long.
                _started = true;
                await db.KeyExpireAsync(_building, store._buildingTtl);
            }
        }

        public async ValueTask CommitAsync(TraceManifest manifest, CancellationToken cancellationToken)
        {
            var db = store.Db;
            var manifestKey = store._keys.Manifest(id);
            var chunksKey = store._keys.Chunks(id);
            var transaction = db.CreateTransaction();
            if (_started)
            {
                _ = transaction.KeyRenameAsync(_building, chunksKey);
                _ = transaction.KeyExpireAsync(chunksKey, store._ttl);
            }

            _ = transaction.HashSetAsync(manifestKey,
            [
                new HashEntry("simulator", manifest.Simulator),
                new HashEntry("pythonVersion", manifest.PythonVersion),
                new HashEntry("logicVersion", manifest.LogicVersion),
                new HashEntry("input", manifest.Input),
                new HashEntry("stepCount", manifest.StepCount),
                new HashEntry("result", manifest.Result),
                new HashEntry("chunkSize", manifest.ChunkSize),
                new HashEntry("createdAt", manifest.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
            ]);
            _ = transaction.KeyExpireAsync(manifestKey, store._ttl);
            if (!await transaction.ExecuteAsync())
            {
                throw new InvalidOperationException($"Committing trace {id} to Redis failed.");
            }

            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed && _started)
            {
                try
                {
                    await store.Db.KeyDeleteAsync(_building);
                }
                catch (RedisException)
                {
                    // The building key expires by itself.
                }
            }
        }
    }

    private sealed class Lease(IDatabase db, string key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
            catch (RedisException)
            {
                // The lock expires by itself.
            }
        }
    }
}
