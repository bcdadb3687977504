using System.Text.Json.Serialization;

namespace Pynsights.Simulation.Slicing;

/// <summary>
/// <c>indices</c> is <c>slice(start, stop, step).indices(length)</c> (arbitrary precision, so a huge step comes
/// back unchanged); <c>selected</c> the indices of <c>range(length)[start:stop:step]</c>; <c>error</c> what CPython
/// raised instead (then the other two are absent).
/// </summary>
public sealed record SlicingResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PyInteger>? Indices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<long>? Selected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PythonError? Error);
