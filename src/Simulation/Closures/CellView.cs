namespace Pynsights.Simulation.Closures;

/// <summary>A cell as a step shows it: its number, the variable it holds here, its contents' repr (null: empty) and the function objects whose closure holds it.</summary>
public sealed record CellView(int Cell, string Variable, string? Contents, IReadOnlyList<string> SharedBy);
