namespace Pynsights.Simulation.Hashing;

/// <summary>A named intermediate value of a hash computation (as text: hashes exceed 2^53).</summary>
public sealed record HashVariable(string Name, string Value);
