namespace Pynsights.Simulation.Hashing;

/// <summary>One hashed value of the <c>hash</c> simulator's result; <see cref="Hash"/> is decimal text or null.</summary>
public sealed record HashEntry(string Value, string Type, string? Hash, string? Explanation);
