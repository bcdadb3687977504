namespace Pynsights.Simulation.Operators;

/// <summary>
/// <c>value</c>: the repr of what the expression evaluates to; <c>answeredBy</c>: the special method whose return
/// value decided it (null when a default did, such as identity for <c>==</c>); <c>calls</c>: every special method of
/// the source's classes that CPython called, in order; <c>error</c>: CPython's TypeError instead.
/// </summary>
public sealed record OperatorDispatchResult(string? Value, string? AnsweredBy, IReadOnlyList<string> Calls, PythonError? Error);
