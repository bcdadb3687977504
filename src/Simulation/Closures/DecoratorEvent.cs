namespace Pynsights.Simulation.Closures;

/// <summary>
/// One step of a decorated def: <c>evaluate</c> (a decorator expression computed, top to bottom, before the
/// function exists; <c>value</c> is its repr) or <c>apply</c> (the decorator's value called with the function so far,
/// bottom to top; <c>target</c> is the repr of what it received, <c>value</c> of what it returned, null if it raised).
/// <c>line</c> and <c>decorator</c> locate the expression in the source.
/// </summary>
public sealed record DecoratorEvent(string Kind, int Line, string Decorator, string? Target, string? Value);
