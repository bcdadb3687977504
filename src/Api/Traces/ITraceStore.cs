namespace Pynsights.Api.Traces;

/// <summary>
/// Where complete traces live: their manifest and their steps in fixed-size compressed chunks, so reading a page
/// costs the same at step 10 and at step 900,000. A trace is visible only once committed whole.
/// </summary>
public interface ITraceStore
{
    /// <summary>A short name for health and logs (<c>memory</c>, <c>redis</c>).</summary>
    string Kind { get; }

    ValueTask<TraceManifest?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Steps [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) clipped to the trace; null when the trace is unknown.</summary>
    ValueTask<StepPage?> ReadStepsAsync(string id, int start, int count, CancellationToken cancellationToken);

    /// <summary>Starts writing a trace; nothing is visible until <see cref="ITraceWriter.CommitAsync"/>.</summary>
    ValueTask<ITraceWriter> BeginWriteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Tries to become the one generator of <paramref name="id"/> among every replica; null when another holds it.
    /// Disposing the lease releases it.
    /// </summary>
    ValueTask<IAsyncDisposable?> TryAcquireGenerationAsync(string id, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Whether the store answers, and what it holds, for <c>/health</c>.</summary>
    ValueTask<TraceStoreHealth> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>Receives a trace's chunks as they are generated.</summary>
public interface ITraceWriter : IAsyncDisposable
{
    ValueTask AppendChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

    /// <summary>Makes the trace visible, whole, with its manifest.</summary>
    ValueTask CommitAsync(TraceManifest manifest, CancellationToken cancellationToken);
}

/// <summary>A store's health: healthy, or degraded with why.</summary>
public sealed record TraceStoreHealth(bool Healthy, string Description, IReadOnlyDictionary<string, object> Data);
