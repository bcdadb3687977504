namespace Pynsights.Simulation.Closures;

/// <summary>What a function's code object holds for its variables: <c>co_varnames</c>, <c>co_cellvars</c>, <c>co_freevars</c>.</summary>
public sealed record CodeObject(string Name, IReadOnlyList<string> Varnames, IReadOnlyList<string> Cellvars, IReadOnlyList<string> Freevars);
