using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// A class object the match statement can name: a builtin type (with the isinstance test its C type implies and
/// <c>_Py_TPFLAGS_MATCH_SELF</c>) or a class of the source, with its <c>__mro__</c> and its own <c>__dict__</c>.
/// </summary>
internal sealed class PyClassObject : PyValue
{
    private readonly Func<Subject, bool>? _builtinCheck;

    private PyClassObject(string name, bool matchSelf, Func<Subject, bool>? builtinCheck)
    {
        Name = name;
        MatchSelf = matchSelf;
        _builtinCheck = builtinCheck;
    }

    public string Name { get; }

    public bool IsBuiltin => _builtinCheck is not null;

    /// <summary><c>_Py_TPFLAGS_MATCH_SELF</c>: without <c>__match_args__</c>, one positional sub-pattern matches the subject itself.</summary>
    public bool MatchSelf { get; }

    /// <summary><c>tp_mro</c>, the class first.</summary>
    public IReadOnlyList<PyClassObject> Mro { get; private set; } = [];

    /// <summary>The class's own namespace as its body left it (values, and functions for its defs), in order.</summary>
    public Dictionary<string, Subject> Dict { get; } = new(StringComparer.Ordinal);

    public override string TypeName => "type";

    public override string Repr() => IsBuiltin ? $"<class '{Name}'>" : $"<class '__main__.{Name}'>";

    public static PyClassObject Builtin(string name, bool matchSelf, Func<Subject, bool> check, PyClassObject? @base)
    {
        var cls = new PyClassObject(name, matchSelf, check);
        cls.Mro = [cls, .. @base?.Mro ?? []];
        return cls;
    }

    /// <summary>A class statement's class once its MRO (computed by the mro simulator's C3 merge) is known.</summary>
    public static PyClassObject User(string name, Func<PyClassObject, IReadOnlyList<PyClassObject>> mro)
    {
        var cls = new PyClassObject(name, false, null);
        cls.Mro = mro(cls);
        return cls;
    }

    /// <summary>_PyType_Lookup: the first class dict along the MRO holding the name.</summary>
    public (PyClassObject Owner, Subject Value)? Lookup(string name)
    {
        foreach (var cls in Mro)
        {
            if (cls.Dict.TryGetValue(name, out var value))
            {
                return (cls, value);
            }
        }

        return null;
    }

    /// <summary>PyObject_IsInstance for the values we model (no __instancecheck__ hooks: no metaclasses).</summary>
    public bool IsInstance(Subject s) => s.Value switch
    {
        PyInstance instance => instance.Class.Mro.Contains(this),
        PyClassObject or PyFunction => IsBuiltin && Name == "object",
        _ => _builtinCheck?.Invoke(s) ?? false,
    };

    public string MroText => "(" + string.Join(", ", Mro.Select(c => c.Name)) + ")";
}
