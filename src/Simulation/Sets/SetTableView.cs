namespace Pynsights.Simulation.Sets;

/// <summary>
/// The set's table at a step: each slot null (empty), <c>"&lt;dummy&gt;"</c> or the key's repr. Whole while the
/// table has at most 256 slots (<see cref="TableFrom"/> 0); above that a window around the touched slot starting
/// at <see cref="TableFrom"/>.
/// </summary>
public sealed record SetTableView(int Mask, int Fill, int Used, int Finger, long Getsizeof, int TableFrom, IReadOnlyList<string?> Table);
