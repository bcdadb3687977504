namespace Pynsights.Api.Traces;

/// <summary>Steps <paramref name="Start"/>.. of a trace as their stored JSON (UTF-8), with the trace's manifest.</summary>
public sealed record StepPage(TraceManifest Manifest, int Start, IReadOnlyList<ReadOnlyMemory<byte>> Steps);
