namespace Pynsights.Simulation.Defaults;

/// <summary>
/// After a step: which call is running (null at def time), the running frame's locals, and every function's
/// defaults. Bounded by the input limits (calls, source size, items).
/// </summary>
public sealed record MutableDefaultsState(string? Call, IReadOnlyList<LocalValue> Locals, IReadOnlyList<FunctionDefaults> Functions);
