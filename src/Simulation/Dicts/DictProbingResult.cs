using System.Text.Json.Serialization;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// The final dict, as ctypes reads it from CPython: <c>ma_used</c>, <c>dk_log2_size</c>, <c>dk_usable</c>,
/// <c>dk_nentries</c>, the kind, <c>dk_indices</c> (−1 empty, −2 dummy), the entries (null where deleted), the
/// iteration order, <c>sys.getsizeof</c>, and per operation the index slots probed. <see cref="Error"/> is set
/// when the last operation raised.
/// </summary>
public sealed record DictProbingResult(
    int Used,
    int Log2Size,
    int Usable,
    int Nentries,
    string Kind,
    IReadOnlyList<int> Indices,
    IReadOnlyList<DictEntryView?> Entries,
    IReadOnlyList<string> IterationOrder,
    long Getsizeof,
    IReadOnlyList<IReadOnlyList<int>> Probes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PythonError? Error);
