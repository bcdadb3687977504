using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// A value being matched, keeping its structure: the items of a list or tuple and the entries of a dict are
/// subjects themselves, so sequence and mapping patterns can look inside.
/// </summary>
internal sealed record Subject(PyValue Value, IReadOnlyList<Subject>? Items, IReadOnlyList<(Subject Key, Subject Value)>? Entries)
{
    public string Repr() => Value.Repr();

    public string TypeName => Value.TypeName;

    /// <summary>Py_TPFLAGS_SEQUENCE: list and tuple (str, bytes and dict are not sequences to match).</summary>
    public bool IsSequence => TypeName is "list" or "tuple";

    /// <summary>Py_TPFLAGS_MAPPING: dict.</summary>
    public bool IsMapping => TypeName == "dict";

    public static Subject Of(PyValue value) => new(value, null, null);

    /// <summary>== as CPython computes it for these types: numbers across types, containers item by item.</summary>
    public static bool Equal(Subject a, Subject b)
    {
        // Objects of the source's classes (and classes, functions) only equal themselves: object_richcompare.
        if (a.Value is PyInstance or PyClassObject or PyFunction || b.Value is PyInstance or PyClassObject or PyFunction)
        {
            return ReferenceEquals(a.Value, b.Value);
        }

        if (a.Items is not null || b.Items is not null)
        {
            return a.TypeName == b.TypeName && a.Items is not null && b.Items is not null && a.Items.Count == b.Items.Count
                && a.Items.Zip(b.Items).All(p => Equal(p.First, p.Second));
        }

        if (a.Entries is not null || b.Entries is not null)
        {
            return a.Entries is not null && b.Entries is not null && a.Entries.Count == b.Entries.Count
                && a.Entries.All(e => b.Entries.Any(f => PyEquality.Equal(e.Key.Value, f.Key.Value) && Equal(e.Value, f.Value)));
        }

        return PyEquality.Equal(a.Value, b.Value);
    }

    public bool Truthy => Items is not null ? Items.Count > 0 : Entries is not null ? Entries.Count > 0 : Value switch
    {
        PyNone => false,
        PyBool b => b.Value,
        PyInt i => !i.Value.IsZero,
        PyFloat f => f.Value != 0,
        PyStr s => s.CodePoints.Count > 0,
        PyBytes b => b.Data.Length > 0,
        _ => true,
    };
}
