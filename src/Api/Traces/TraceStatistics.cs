namespace Pynsights.Api.Traces;

/// <summary>Counters of what this replica did with traces (shown in <c>/health</c>; tests count generations with them).</summary>
public sealed class TraceStatistics
{
    private long _generated;
    private long _hits;
    private long _generatedSteps;

    public long Generated => Interlocked.Read(ref _generated);

    public long CacheHits => Interlocked.Read(ref _hits);

    public long GeneratedSteps => Interlocked.Read(ref _generatedSteps);

    internal void RecordGenerated(int steps)
    {
        Interlocked.Increment(ref _generated);
        Interlocked.Add(ref _generatedSteps, steps);
    }

    internal void RecordHit() => Interlocked.Increment(ref _hits);
}
