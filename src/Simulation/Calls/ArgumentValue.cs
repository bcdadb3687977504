using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Calls;

/// <summary>
/// A value written in a call or a default: the Python value (whose repr and type name we print) and, for the
/// iterables and mappings a call may unpack, what <c>*</c> iterates and what <c>**</c> merges, in CPython's order.
/// </summary>
internal sealed record ArgumentValue(PyValue Value, IReadOnlyList<PyValue>? Items, IReadOnlyList<(PyValue Key, PyValue Value)>? Entries)
{
    public string Repr => Value.Repr();

    public string TypeName => Value.TypeName;

    /// <summary><c>str()</c> of the value: a str's own text, otherwise its repr (as for every type we accept).</summary>
    public static string Str(PyValue value) => value is PyStr s ? string.Concat(s.CodePoints.Select(char.ConvertFromUtf32)) : value.Repr();
}
