namespace Pynsights.Simulation.Defaults;

/// <summary>The outcome of each call, in order.</summary>
public sealed record MutableDefaultsResult(IReadOnlyList<CallOutcome> Calls);
