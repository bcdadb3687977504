namespace Pynsights.Simulation.Calls;

/// <summary>
/// One local of the called frame's <c>localsplus</c>, in <c>co_varnames</c> order: its name, its kind
/// (<c>positional-only</c>, <c>positional-or-keyword</c>, <c>keyword-only</c>, <c>var-positional</c>,
/// <c>var-keyword</c>), its value's repr once bound (null while the slot is NULL) and where the value came from
/// (<c>positional</c>, <c>keyword</c>, <c>default</c>, <c>kwdefault</c>, <c>varargs</c>, <c>kwargs</c>).
/// </summary>
public sealed record ParameterSlot(string Name, string Kind, string? Value, string? From);
