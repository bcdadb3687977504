using System.Collections.Frozen;
using Pynsights.Simulation.Classes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// The builtin types a class pattern may name, with the isinstance test each implies for the values we model and
/// whether it carries <c>_Py_TPFLAGS_MATCH_SELF</c> (PEP 634's list: bool, bytearray, bytes, dict, float,
/// frozenset, int, list, set, str, tuple; not complex, not object).
/// </summary>
internal static class BuiltinClasses
{
    public static readonly PyClassObject Object = PyClassObject.Builtin("object", false, _ => true, null);

    private static readonly PyClassObject Int = PyClassObject.Builtin("int", true, s => s.Value is PyInt or PyBool, Object);

    public static readonly FrozenDictionary<string, PyClassObject> ByName = new[]
    {
        Object,
        Int,
        PyClassObject.Builtin("bool", true, s => s.Value is PyBool, Int),
        PyClassObject.Builtin("float", true, s => s.Value is PyFloat, Object),
        PyClassObject.Builtin("complex", false, s => s.Value is PyComplex, Object),
        PyClassObject.Builtin("str", true, s => s.Value is PyStr, Object),
        PyClassObject.Builtin("bytes", true, s => s.Value is PyBytes, Object),
        PyClassObject.Builtin("tuple", true, s => s.Value is PyTuple || (s.Items is not null && s.TypeName == "tuple"), Object),
        PyClassObject.Builtin("list", true, s => s.Items is not null && s.TypeName == "list", Object),
        PyClassObject.Builtin("dict", true, s => s.Entries is not null, Object),
        PyClassObject.Builtin("frozenset", true, s => s.Value is PyFrozenSet, Object),
        PyClassObject.Builtin("set", true, _ => false, Object),
        PyClassObject.Builtin("bytearray", true, _ => false, Object),
    }.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    private static readonly string[] IntNames = ["as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "numerator", "real", "to_bytes"];

    private static readonly string[] BytesAndStrNames = ["capitalize", "center", "count", "endswith", "expandtabs", "find", "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"];

    /// <summary>
    /// The names other than dunders that <c>dir()</c> lists for each builtin type we model, as CPython 3.10 to 3.13
    /// list them (int and bool gained is_integer in 3.12).
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> PlainAttributes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["int"] = IntNames,
        ["bool"] = IntNames,
        ["float"] = ["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"],
        ["complex"] = ["conjugate", "imag", "real"],
        ["str"] = [.. BytesAndStrNames, "casefold", "encode", "format", "format_map", "isdecimal", "isidentifier", "isnumeric", "isprintable"],
        ["bytes"] = [.. BytesAndStrNames, "decode", "fromhex", "hex"],
        ["tuple"] = ["count", "index"],
        ["list"] = ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"],
        ["dict"] = ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"],
        ["frozenset"] = ["copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"],
        ["NoneType"] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// getattr on a builtin value, for a name that is not a dunder: the number attributes (real, imag, numerator,
    /// denominator) as values; null when the type has no such attribute (an AttributeError); methods are not modelled.
    /// </summary>
    public static PyValue? PlainAttribute(PyValue value, string name, PythonVersion version)
    {
        var names = PlainAttributes.GetValueOrDefault(value.TypeName) ?? throw new NotModelled($"attribute lookups on {value.TypeName} values (here .{name})");
        var exists = names.Contains(name, StringComparer.Ordinal) || (name == "is_integer" && value is PyInt or PyBool && version.AtLeast(12));
        if (!exists)
        {
            return null;
        }

        return (value, name) switch
        {
            (PyInt i, "real" or "numerator") => i,
            (PyBool b, "real" or "numerator") => new PyInt(b.Value ? 1 : 0),
            (PyInt or PyBool, "imag") => new PyInt(0),
            (PyInt or PyBool, "denominator") => new PyInt(1),
            (PyFloat f, "real") => f,
            (PyFloat, "imag") => new PyFloat(0.0),
            (PyComplex c, "real") => new PyFloat(c.Real),
            (PyComplex c, "imag") => new PyFloat(c.Imag),
            _ => throw new NotModelled($"methods of builtin values fetched as attributes (here {value.TypeName}.{name})"),
        };
    }

    /// <summary>A builtin name we know exists but do not model here (a function, an exception, range, type, ...).</summary>
    public static bool IsOtherBuiltin(string name, PythonVersion version) =>
        !ByName.ContainsKey(name) && (BuiltinTypes.Create().ContainsKey(name) || BuiltinTypes.IsUnmodelled(name, version));

    /// <summary>Any name of the builtins module of <paramref name="version"/> that we know of.</summary>
    public static bool IsBuiltinName(string name, PythonVersion version) => ByName.ContainsKey(name) || IsOtherBuiltin(name, version);
}
