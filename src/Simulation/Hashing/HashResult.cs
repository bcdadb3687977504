namespace Pynsights.Simulation.Hashing;

/// <summary>The <c>hash</c> simulator's result: <c>{hashes: [{value, type, hash}], error}</c>.</summary>
public sealed record HashResult(IReadOnlyList<HashEntry> Hashes, PythonError? Error);
