namespace Pynsights.Simulation.Defaults;

/// <summary>
/// One call: what it returned (repr) or raised, and every function's <c>__defaults__</c> / <c>__kwdefaults__</c>
/// repr right after it (keys like <c>f.__defaults__</c>; absent when None).
/// </summary>
public sealed record CallOutcome(string Call, string? Returned, PythonError? Error, IReadOnlyDictionary<string, string> Defaults);
