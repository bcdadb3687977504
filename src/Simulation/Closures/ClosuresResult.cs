namespace Pynsights.Simulation.Closures;

/// <summary>
/// Every def and lambda's code object, depth first in the order CPython compiles them, or the SyntaxError; and,
/// when it compiles, what running the module showed (<see cref="RunOutcome"/>; null for 3.14, not modelled yet).
/// </summary>
public sealed record ClosuresResult(IReadOnlyList<CodeObject>? Functions, PythonError? Error, RunOutcome? Run);
