namespace Pynsights.Simulation.Closures;

/// <summary>After a step: the block analysed, and each of its names with its scope so far.</summary>
public sealed record ClosuresState(string Block, IReadOnlyDictionary<string, string> Scopes);
