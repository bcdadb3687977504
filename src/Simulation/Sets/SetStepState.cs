namespace Pynsights.Simulation.Sets;

/// <summary>
/// State of a <c>set-probing</c> step: the operation (0-based) and its call, the key's hash, and for a probe the
/// slot, the round's start <c>i</c>, the linear offset (0..9) and <c>perturb</c> (decimal text), then the table.
/// </summary>
public sealed record SetStepState(
    int Operation,
    string Call,
    string? Hash,
    int? Slot,
    string? Start,
    int? Offset,
    string? Perturb,
    SetTableView Table);
