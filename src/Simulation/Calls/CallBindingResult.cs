namespace Pynsights.Simulation.Calls;

/// <summary>
/// <c>arguments</c>: the called frame's locals at entry (<c>locals()</c> as the function's first statement), name to
/// repr in <c>co_varnames</c> order; <c>error</c>: what CPython raised instead (then <c>arguments</c> is null).
/// </summary>
public sealed record CallBindingResult(IReadOnlyDictionary<string, string>? Arguments, PythonError? Error);
