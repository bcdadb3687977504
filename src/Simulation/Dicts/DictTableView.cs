namespace Pynsights.Simulation.Dicts;

/// <summary>
/// The dict's keys object at a step. While it has at most 256 index slots, <see cref="Indices"/> and
/// <see cref="Entries"/> are whole (<see cref="IndicesFrom"/> and <see cref="EntriesFrom"/> are 0); above that they
/// are windows around the slot and entry the step touches, starting at those offsets, so a step stays small.
/// </summary>
public sealed record DictTableView(
    int Used,
    int Log2Size,
    int Usable,
    int Nentries,
    string Kind,
    int IndexBytes,
    long Getsizeof,
    int IndicesFrom,
    IReadOnlyList<int> Indices,
    int EntriesFrom,
    IReadOnlyList<DictEntryView?> Entries);
