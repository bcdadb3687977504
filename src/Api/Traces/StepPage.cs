namespace Pynsights.Api.Traces;

/// <summary>
/// Steps <paramref name="Start"/>.. of a trace of <paramref name="StepCount"/> steps, as their stored JSON (UTF-8).
/// Carries only what paging needs, never the trace's input or result, so a page costs the same however big those are.
/// </summary>
public sealed record StepPage(int Start, int StepCount, IReadOnlyList<ReadOnlyMemory<byte>> Steps);
