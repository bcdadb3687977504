using System.Text;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Defaults;

/// <summary>
/// An object on the simulated heap, with an identity: the point of the mutable-defaults trace is which calls share
/// which object. Immutable values wrap a <see cref="PyValue"/>; lists, dicts and tuples hold other objects.
/// </summary>
internal abstract class PyObject(int id)
{
    public int Id { get; } = id;

    public abstract string TypeName { get; }

    public string Repr() => Repr(new HashSet<PyObject>(ReferenceEqualityComparer.Instance));

    /// <summary>repr with Py_ReprEnter's guard: a container already being printed shows as [...] or {...}.</summary>
    public abstract string Repr(HashSet<PyObject> active);

    public abstract bool Truthy { get; }
}

internal sealed class ValueObject(int id, PyValue value) : PyObject(id)
{
    public PyValue Value { get; } = value;

    public override string TypeName => Value.TypeName;

    public override string Repr(HashSet<PyObject> active) => Value.Repr();

    public override bool Truthy => Value switch
    {
        PyNone => false,
        PyBool b => b == PyBool.True,
        PyInt i => !i.Value.IsZero,
        PyStr s => s.CodePoints.Count > 0,
        _ => true,
    };
}

internal sealed class ListObject(int id, IEnumerable<PyObject> items) : PyObject(id)
{
    public List<PyObject> Items { get; } = [.. items];

    public override string TypeName => "list";

    public override string Repr(HashSet<PyObject> active)
    {
        if (!active.Add(this))
        {
            return "[...]";
        }

        var text = "[" + string.Join(", ", Items.Select(i => i.Repr(active))) + "]";
        active.Remove(this);
        return text;
    }

    public override bool Truthy => Items.Count > 0;
}

internal sealed class TupleObject(int id, IEnumerable<PyObject> items) : PyObject(id)
{
    public List<PyObject> Items { get; } = [.. items];

    public override string TypeName => "tuple";

    public override string Repr(HashSet<PyObject> active) => Items.Count == 1
        ? "(" + Items[0].Repr(active) + ",)"
        : "(" + string.Join(", ", Items.Select(i => i.Repr(active))) + ")";

    public override bool Truthy => Items.Count > 0;
}

internal sealed class DictObject(int id) : PyObject(id)
{
    public List<(PyObject Key, PyObject Value)> Entries { get; } = [];

    public override string TypeName => "dict";

    public override string Repr(HashSet<PyObject> active)
    {
        if (!active.Add(this))
        {
            return "{...}";
        }

        var builder = new StringBuilder("{");
        for (var i = 0; i < Entries.Count; i++)
        {
            builder.Append(i == 0 ? "" : ", ").Append(Entries[i].Key.Repr(active)).Append(": ").Append(Entries[i].Value.Repr(active));
        }

        active.Remove(this);
        return builder.Append('}').ToString();
    }

    public override bool Truthy => Entries.Count > 0;
}
