namespace Pynsights.Simulation.Sets;

/// <summary>
/// One observable point of a <see cref="SetTable"/> operation, passed by value so that observing costs nothing
/// when nobody listens. For probes: <see cref="Slot"/> = <see cref="Start"/> + <see cref="Offset"/>, where
/// <see cref="Start"/> is <c>i</c> of the current round (<c>hash &amp; mask</c> in round 0, then
/// <c>(previous*5 + 1 + perturb) &amp; mask</c>) and <see cref="Offset"/> the linear probe (0..9). For a resize,
/// <see cref="Slot"/> is the old size, <see cref="Start"/> the new size and <see cref="Offset"/> the minused asked for.
/// </summary>
internal readonly record struct SetTableEvent(
    SetTableEventKind Kind,
    int Slot,
    int Round,
    ulong Start,
    ulong Previous,
    ulong Perturb,
    int Offset);
