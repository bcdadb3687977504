using Microsoft.Extensions.Options;

namespace Pynsights.Api.Traces;

/// <summary>
/// The zero-setup store: complete traces in process memory, bounded by <see cref="TraceOptions.MemoryBudgetBytes"/>
/// of compressed chunks, least recently used evicted first. Generation is single-flight within the process only.
/// </summary>
public sealed class InMemoryTraceStore(IOptions<TraceOptions> options) : ITraceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _lru = new();
    private readonly long _budget = options.Value.MemoryBudgetBytes;
    private long _bytes;

    public string Kind => "memory";

    public long Bytes => Volatile.Read(ref _bytes);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public ValueTask<TraceManifest?> FindAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Touch(id)?.Manifest);

    public ValueTask<StepPage?> ReadStepsAsync(string id, int start, int count, CancellationToken cancellationToken)
    {
        if (Touch(id) is not { } entry)
        {
            return ValueTask.FromResult<StepPage?>(null);
        }

        var manifest = entry.Manifest;
        start = Math.Clamp(start, 0, manifest.StepCount);
        count = Math.Clamp(count, 0, manifest.StepCount - start);
        if (count == 0)
        {
            return ValueTask.FromResult<StepPage?>(new StepPage(start, manifest.StepCount, []));
        }

        var first = start / manifest.ChunkSize;
        var last = (start + count - 1) / manifest.ChunkSize;
        var chunks = entry.Chunks.Skip(first).Take(last - first + 1).Select(c => (ReadOnlyMemory<byte>)c);
        var steps = TraceChunks.Slice(chunks, first * manifest.ChunkSize, start, count);
        return ValueTask.FromResult<StepPage?>(new StepPage(start, manifest.StepCount, steps));
    }

    public ValueTask<ITraceWriter> BeginWriteAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ITraceWriter>(new Writer(this, id));

    /// <summary>One process: the in-process single flight of <see cref="TraceService"/> already makes generation unique.</summary>
    public ValueTask<IAsyncDisposable?> TryAcquireGenerationAsync(string id, TimeSpan lease, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable?>(NoLease.Instance);

    public ValueTask<TraceStoreHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TraceStoreHealth(true, "Traces are kept in this process's memory.", new Dictionary<string, object>
        {
            ["traces"] = Count,
            ["bytes"] = Bytes,
            ["budgetBytes"] = _budget,
        }));

    private Entry? Touch(string id)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out var node))
            {
                return null;
            }

            _lru.Remove(node);
            _lru.AddFirst(node);
            return node.Value;
        }
    }

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            if (_entries.ContainsKey(entry.Manifest.Id))
            {
                return;
            }

            _entries[entry.Manifest.Id] = _lru.AddFirst(entry);
            _bytes += entry.Bytes;
            while (_bytes > _budget && _lru.Last is { } oldest && oldest.Value != entry)
            {
                _lru.RemoveLast();
                _entries.Remove(oldest.Value.Manifest.Id);
                _bytes -= oldest.Value.Bytes;
            }
        }
    }

    private sealed record Entry(TraceManifest Manifest, IReadOnlyList<byte[]> Chunks, long Bytes);

    private sealed class Writer(InMemoryTraceStore store, string id) : ITraceWriter
    {
        private readonly List<byte[]> _chunks = [];
        private long _bytes;

        public ValueTask AppendChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
        {
            _bytes += chunk.Length;
            if (_bytes > store._budget)
            {
                throw new TraceTooLargeException($"Trace {id} needs more than the in-memory store's budget of {store._budget} bytes.");
            }

            _chunks.Add(chunk.ToArray());
            return ValueTask.CompletedTask;
        }

        public ValueTask CommitAsync(TraceManifest manifest, CancellationToken cancellationToken)
        {
            store.Add(new Entry(manifest, _chunks, _bytes + 512));
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
