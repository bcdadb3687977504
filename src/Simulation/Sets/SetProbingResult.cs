using System.Text.Json.Serialization;

namespace Pynsights.Simulation.Sets;

/// <summary>
/// The final set as ctypes reads it from CPython: <c>mask</c>, <c>fill</c> (active + dummy), <c>used</c>, the table
/// (null, <c>"&lt;dummy&gt;"</c> or the key's repr), the iteration order, <c>sys.getsizeof</c>, and per operation the
/// slots probed. <see cref="Error"/> is set when the last operation raised.
/// </summary>
public sealed record SetProbingResult(
    int Mask,
    int Fill,
    int Used,
    IReadOnlyList<string?> Table,
    IReadOnlyList<string> IterationOrder,
    long Getsizeof,
    IReadOnlyList<IReadOnlyList<int>> Probes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PythonError? Error);
