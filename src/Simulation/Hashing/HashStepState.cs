namespace Pynsights.Simulation.Hashing;

/// <summary>The state of a <c>hash</c> step: which value is being hashed and the algorithm's intermediates.</summary>
public sealed record HashStepState(int Position, string Value, string Type, IReadOnlyList<HashVariable> Variables);
