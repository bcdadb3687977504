namespace Pynsights.Simulation.Matching;

/// <summary>
/// <c>matched</c>: the index of the case that ran (null when none matched); <c>bindings</c>: the names its pattern
/// captured, as reprs, by name; <c>error</c>: the SyntaxError or TypeError CPython raised instead.
/// </summary>
public sealed record PatternMatchingResult(int? Matched, IReadOnlyDictionary<string, string> Bindings, PythonError? Error);
