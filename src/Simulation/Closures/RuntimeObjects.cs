using System.Numerics;
using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Closures;

/// <summary>A heap object of the closures evaluator; identity is the C# reference, as <c>id()</c> is the address.</summary>
internal abstract class PyObj
{
    /// <summary><c>Py_TYPE(ob)->tp_name</c>, as error messages print it.</summary>
    public abstract string TypeName { get; }
}

/// <summary>An int, bool, str or None: immutable, so one value object per result is as good as CPython's.</summary>
internal sealed class ValueObj(PyValue value) : PyObj
{
    public static readonly ValueObj None = new(PyNone.Instance);

    public PyValue Value { get; } = value;

    public override string TypeName => Value.TypeName;

    public static ValueObj Int(BigInteger value) => new(new PyInt(value));

    public static ValueObj Bool(bool value) => value ? True : False;

    public static ValueObj Str(string text) => new(new PyStr([.. text.EnumerateRunes().Select(r => r.Value)]));

    private static readonly ValueObj True = new(PyBool.True);
    private static readonly ValueObj False = new(PyBool.False);
}

internal sealed class ListObj(List<PyObj> items) : PyObj
{
    public List<PyObj> Items { get; } = items;

    public override string TypeName => "list";
}

internal sealed class TupleObj(IReadOnlyList<PyObj> items) : PyObj
{
    public IReadOnlyList<PyObj> Items { get; } = items;

    public override string TypeName => "tuple";
}

/// <summary>A dict with str keys, in insertion order: the <c>**kwargs</c> of a call and a function's <c>__dict__</c>.</summary>
internal sealed class DictObj : PyObj
{
    public List<(string Key, PyObj Value)> Entries { get; } = [];

    public override string TypeName => "dict";

    public PyObj? Get(string key) => Entries.FindIndex(e => e.Key == key) is var i and >= 0 ? Entries[i].Value : null;

    /// <summary>dict assignment: a new key goes last, an existing key keeps its place.</summary>
    public void Set(string key, PyObj value)
    {
        var i = Entries.FindIndex(e => e.Key == key);
        if (i >= 0)
        {
            Entries[i] = (key, value);
        }
        else
        {
            Entries.Add((key, value));
        }
    }
}

internal sealed class RangeObj(BigInteger start, BigInteger stop, BigInteger step) : PyObj
{
    public BigInteger Start { get; } = start;
    public BigInteger Stop { get; } = stop;
    public BigInteger Step { get; } = step;

    public override string TypeName => "range";

    public BigInteger Length => Step > 0
        ? (Start < Stop ? (Stop - Start - 1) / Step + 1 : 0)
        : (Start > Stop ? (Start - Stop - 1) / -Step + 1 : 0);

    public BigInteger this[BigInteger i] => Start + i * Step;
}

/// <summary>A <c>PyCellObject</c>: one slot shared by the frame that owns the variable and every closure holding it.</summary>
internal sealed class CellObj(int number) : PyObj
{
    /// <summary>Numbered in creation order, for the trace's messages.</summary>
    public int Number { get; } = number;

    /// <summary><c>ob_ref</c>; null while the cell is empty.</summary>
    public PyObj? Contents { get; set; }

    /// <summary>The function objects whose <c>__closure__</c> holds this cell, in creation order.</summary>
    public List<FunctionObj> SharedBy { get; } = [];

    public override string TypeName => "cell";
}

/// <summary>A <c>PyFunctionObject</c>: code, globals, defaults, closure and the writable metadata.</summary>
internal sealed class FunctionObj(int number, AstNode node, Scope scope, CodeObject code) : PyObj
{
    public int Number { get; } = number;
    public AstNode Node { get; } = node;
    public Scope Scope { get; } = scope;
    public CodeObject Code { get; } = code;
    public string Name { get; set; } = "";
    public string Qualname { get; set; } = "";
    public PyObj Doc { get; set; } = ValueObj.None;
    public PyObj Module { get; set; } = ValueObj.None;
    public List<PyObj> Defaults { get; } = [];
    public Dictionary<string, PyObj> KwDefaults { get; } = new(StringComparer.Ordinal);

    /// <summary><c>func_closure</c>: one cell per name of <c>co_freevars</c>, in that order.</summary>
    public IReadOnlyList<CellObj> Closure { get; set; } = [];

    public DictObj Dict { get; } = new();

    public override string TypeName => "function";

    public string Label => $"{Qualname} #{Number}";
}

/// <summary>A built-in the subset calls: print, range, len, repr, and functools' wraps and update_wrapper.</summary>
internal sealed class BuiltinObj(string name, bool isPythonFunction) : PyObj
{
    public string Name { get; } = name;

    /// <summary>functools.wraps and update_wrapper are Python functions; print, range, len and repr are C ones.</summary>
    public bool IsPythonFunction { get; } = isPythonFunction;

    public override string TypeName => IsPythonFunction ? "function" : "builtin_function_or_method";
}

/// <summary>The <c>functools.partial(update_wrapper, wrapped=...)</c> that <c>functools.wraps(f)</c> returns.</summary>
internal sealed class WrapsObj(PyObj wrapped, TupleObj assigned) : PyObj
{
    public PyObj Wrapped { get; } = wrapped;

    /// <summary>functools.WRAPPER_ASSIGNMENTS of the version, which the partial carries as its <c>assigned=</c>.</summary>
    public TupleObj Assigned { get; } = assigned;

    public override string TypeName => "functools.partial";
}

internal sealed class ModuleObj(string name) : PyObj
{
    public string Name { get; } = name;

    public override string TypeName => "module";
}
