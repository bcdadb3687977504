namespace Pynsights.Simulation.Closures;

/// <summary>
/// One cell of a function's <c>__closure__</c>: the free variable (<c>co_freevars</c>) it serves, the cell's number
/// (cells are numbered 1, 2, ... in the order the report first meets them, so two functions showing the same number
/// share one cell object) and the repr of its <c>cell_contents</c>, or null when the cell is empty.
/// </summary>
public sealed record ClosureCell(string Variable, int Cell, string? Contents);
