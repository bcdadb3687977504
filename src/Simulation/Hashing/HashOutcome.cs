namespace Pynsights.Simulation.Hashing;

/// <summary>
/// What <c>hash(x)</c> gives: a value, or null with an explanation when CPython's is derived from the object's
/// address, or the exception CPython raises.
/// </summary>
internal sealed record HashOutcome(long? Hash, string? Explanation, PythonError? Error)
{
    public static HashOutcome Of(long hash) => new(hash, null, null);
}
