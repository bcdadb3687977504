namespace Pynsights.Simulation.Dicts;

/// <summary>
/// State of a <c>dict-probing</c> step: which operation (0-based) and its Python call, the key's hash, the index
/// slot the step looks at with the probe's <c>perturb</c> (decimal text: it is the hash as an unsigned 64-bit
/// number, shifted), and the keys object.
/// </summary>
public sealed record DictStepState(
    int Operation,
    string Call,
    string? Hash,
    int? Slot,
    string? Perturb,
    DictTableView Table);
