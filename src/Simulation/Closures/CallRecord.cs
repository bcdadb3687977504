namespace Pynsights.Simulation.Closures;

/// <summary>
/// A finished call of a function defined in the source: its code's qualified name (<c>co_qualname</c>), the repr
/// of what it returned (null when an exception left it), and its free variables' values as it finished (name to
/// repr; an empty cell is left out) — a nonlocal counter's cell after each call.
/// </summary>
public sealed record CallRecord(string Function, string? Returned, IReadOnlyDictionary<string, string> FreeVariables);
