namespace Pynsights.Simulation.Classes;

/// <summary>
/// A class object as type_new leaves it: its name, <c>tp_bases</c>, <c>tp_base</c> (the best base), <c>tp_mro</c>,
/// and the layout facts solid_base and best_base read.
/// </summary>
internal sealed class PyClass
{
    private PyClass(string name, IReadOnlyList<PyClass> bases, PyClass? @base, bool builtin, bool acceptable, bool varSized, bool hasDict)
    {
        Name = name;
        Bases = bases;
        Base = @base;
        IsBuiltin = builtin;
        Acceptable = acceptable;
        VarSized = varSized;
        HasDict = hasDict;
    }

    public string Name { get; }

    public IReadOnlyList<PyClass> Bases { get; }

    /// <summary><c>tp_base</c>: the base whose layout the class extends (null for object).</summary>
    public PyClass? Base { get; }

    public bool IsBuiltin { get; }

    /// <summary><c>Py_TPFLAGS_BASETYPE</c>.</summary>
    public bool Acceptable { get; }

    /// <summary><c>tp_itemsize != 0</c>.</summary>
    public bool VarSized { get; }

    /// <summary><c>tp_dictoffset != 0</c>: instances already have a <c>__dict__</c>.</summary>
    public bool HasDict { get; }

    /// <summary><c>tp_mro</c>, the class first.</summary>
    public IReadOnlyList<PyClass> Mro { get; private set; } = [];

    /// <summary><c>solid_base</c>: the nearest class along tp_base whose instances add C fields.</summary>
    public PyClass Solid { get; private set; } = null!;

    public static PyClass Builtin(string name, PyClass? @base, bool acceptable, bool ownSolid, bool varSized, bool hasDict)
    {
        var cls = new PyClass(name, @base is null ? [] : [@base], @base, true, acceptable, varSized, hasDict);
        cls.Mro = [cls, .. @base?.Mro ?? []];
        cls.Solid = ownSolid || @base is null ? cls : @base.Solid;
        return cls;
    }

    /// <summary>
    /// A class statement's class once best_base chose <paramref name="base"/> and the MRO is known. Its layout: a
    /// class without <c>__slots__</c> adds a <c>__dict__</c> when its base has none. Up to 3.11 that dict pointer
    /// is appended to a variable-sized base's fixed part (type_new_descriptors: slotoffset grows), so such a class
    /// is its own solid base; from 3.12 the dict is managed outside the object and the class never is.
    /// With <c>__slots__</c> (<paramref name="slots"/> not null), type_new_slots_bases still adds a dict when a base
    /// other than the best one has one; each named slot is a member appended to the instance (tp_basicsize grows),
    /// so a class naming any slot is its own solid base in every version (extra_ivars, shape_differs). Slots are
    /// only given for bases that are not variable-sized (CPython refuses nonempty __slots__ there).
    /// </summary>
    public static PyClass User(string name, IReadOnlyList<PyClass> bases, PyClass @base, IReadOnlyList<PyClass> mroTail, PythonVersion version,
        IReadOnlyList<string>? slots = null)
    {
        if (slots is { Count: > 0 } && @base.VarSized)
        {
            throw new InvalidOperationException($"nonempty __slots__ over the variable-sized {@base.Name} is not modelled.");
        }

        var hasDict = slots is null || bases.Any(b => b.HasDict);
        var addsDict = hasDict && !@base.HasDict;
        var cls = new PyClass(name, bases, @base, false, true, @base.VarSized, hasDict);
        cls.Mro = [cls, .. mroTail];
        cls.Solid = slots is { Count: > 0 } || (!version.AtLeast(12) && addsDict && @base.VarSized) ? cls : @base.Solid;
        return cls;
    }

    /// <summary><c>PyType_IsSubtype</c>: <paramref name="other"/> is in this class's MRO.</summary>
    public bool IsSubtypeOf(PyClass other) => Mro.Contains(other);

    public override string ToString() => Name;
}
