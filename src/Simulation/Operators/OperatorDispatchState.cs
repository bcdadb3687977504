namespace Pynsights.Simulation.Operators;

/// <summary>
/// After a step: the operation (<c>A() + B()</c>), the C function doing the work (<c>binary_op1</c>,
/// <c>slot_nb_add</c>, <c>do_richcompare</c>, ...), the method just tried with what it returned, and the user
/// methods called so far.
/// </summary>
public sealed record OperatorDispatchState(string Expression, string Function, string? Method, string? Returned, IReadOnlyList<string> Calls);
