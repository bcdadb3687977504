namespace Pynsights.Simulation.Closures;

/// <summary>
/// After a step of the run: the frame running (<c>&lt;module&gt;</c> or a code's qualified name), its variables
/// (name to repr, "&lt;unbound&gt;" for a cell not yet filled; for the module, the globals), and the cells the frame
/// reaches with the functions that share each. Reprs are cut at <see cref="Reprs.StateLimit"/> characters.
/// </summary>
public sealed record ClosuresRunState(string Frame, IReadOnlyDictionary<string, string> Variables, IReadOnlyList<CellView> Cells);
