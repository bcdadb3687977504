namespace Pynsights.Simulation.Matching;

/// <summary>
/// After a step: the case being tried (index), the sub-pattern checked (its source text), the part of the
/// subject it looks at (repr) and the names captured so far on this path.
/// </summary>
public sealed record PatternMatchingState(int? Case, string? Pattern, string? Subject, IReadOnlyDictionary<string, string> Captured);
