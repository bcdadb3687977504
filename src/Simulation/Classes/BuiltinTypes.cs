using System.Collections.Frozen;

namespace Pynsights.Simulation.Classes;

/// <summary>
/// The builtin classes a learner's class may name as bases, with what class creation needs from their C types:
/// <c>tp_base</c>, whether <c>Py_TPFLAGS_BASETYPE</c> allows subclassing, whether the type is its own
/// <c>solid_base</c> (its instances add C fields to its base's layout, Objects/typeobject.c extra_ivars /
/// shape_differs), whether it is variable-sized (<c>tp_itemsize</c> != 0) and whether its instances already carry
/// a <c>__dict__</c> (<c>tp_dictoffset</c> != 0). Read from CPython 3.10 to 3.13 on a 64-bit build
/// (<c>__base__</c>, <c>__flags__</c>, <c>__basicsize__</c>, <c>__itemsize__</c>, <c>__dictoffset__</c>); they
/// agree for every type here (bool's own solidity differs, but bool cannot be subclassed).
/// </summary>
internal static class BuiltinTypes
{
    private static readonly HashSet<string> VarSized = ["int", "bool", "bytes", "tuple", "memoryview", "type"];

    private static readonly HashSet<string> WithDict = ["type", "classmethod", "staticmethod"];

    private static readonly (string Name, string? Base, bool Acceptable, bool OwnSolid)[] Rows =
    [
        ("object", null, true, true),
        ("BaseException", "object", true, true),
        ("Exception", "BaseException", true, false),
        ("ArithmeticError", "Exception", true, false),
        ("AssertionError", "Exception", true, false),
        ("AttributeError", "Exception", true, true),
        ("OSError", "Exception", true, true), // also EnvironmentError, IOError
        ("BlockingIOError", "OSError", true, false),
        ("ConnectionError", "OSError", true, false),
        ("BrokenPipeError", "ConnectionError", true, false),
        ("BufferError", "Exception", true, false),
        ("Warning", "Exception", true, false),
        ("BytesWarning", "Warning", true, false),
        ("ChildProcessError", "OSError", true, false),
        ("ConnectionAbortedError", "ConnectionError", true, false),
        ("ConnectionRefusedError", "ConnectionError", true, false),
        ("ConnectionResetError", "ConnectionError", true, false),
        ("DeprecationWarning", "Warning", true, false),
        ("EOFError", "Exception", true, false),
        ("EncodingWarning", "Warning", true, false),
        ("FileExistsError", "OSError", true, false),
        ("FileNotFoundError", "OSError", true, false),
        ("FloatingPointError", "ArithmeticError", true, false),
        ("FutureWarning", "Warning", true, false),
        ("GeneratorExit", "BaseException", true, false),
        ("ImportError", "Exception", true, true),
        ("ImportWarning", "Warning", true, false),
        ("SyntaxError", "Exception", true, true),
        ("IndentationError", "SyntaxError", true, false),
        ("LookupError", "Exception", true, false),
        ("IndexError", "LookupError", true, false),
        ("InterruptedError", "OSError", true, false),
        ("IsADirectoryError", "OSError", true, false),
        ("KeyError", "LookupError", true, false),
        ("KeyboardInterrupt", "BaseException", true, false),
        ("MemoryError", "Exception", true, false),
        ("ModuleNotFoundError", "ImportError", true, false),
        ("NameError", "Exception", true, true),
        ("NotADirectoryError", "OSError", true, false),
        ("RuntimeError", "Exception", true, false),
        ("NotImplementedError", "RuntimeError", true, false),
        ("OverflowError", "ArithmeticError", true, false),
        ("PendingDeprecationWarning", "Warning", true, false),
        ("PermissionError", "OSError", true, false),
        ("ProcessLookupError", "OSError", true, false),
        ("RecursionError", "RuntimeError", true, false),
        ("ReferenceError", "Exception", true, false),
        ("ResourceWarning", "Warning", true, false),
        ("RuntimeWarning", "Warning", true, false),
        ("StopAsyncIteration", "Exception", true, false),
        ("StopIteration", "Exception", true, true),
        ("SyntaxWarning", "Warning", true, false),
        ("SystemError", "Exception", true, false),
        ("SystemExit", "BaseException", true, true),
        ("TabError", "IndentationError", true, false),
        ("TimeoutError", "OSError", true, false),
        ("TypeError", "Exception", true, false),
        ("UnboundLocalError", "NameError", true, false),
        ("ValueError", "Exception", true, false),
        ("UnicodeError", "ValueError", true, false),
        ("UnicodeDecodeError", "UnicodeError", true, true),
        ("UnicodeEncodeError", "UnicodeError", true, true),
        ("UnicodeTranslateError", "UnicodeError", true, true),
        ("UnicodeWarning", "Warning", true, false),
        ("UserWarning", "Warning", true, false),
        ("ZeroDivisionError", "ArithmeticError", true, false),
        ("int", "object", true, true),
        ("bool", "int", false, false),
        ("bytearray", "object", true, true),
        ("bytes", "object", true, true),
        ("classmethod", "object", true, true),
        ("complex", "object", true, true),
        ("dict", "object", true, true),
        ("enumerate", "object", true, true),
        ("filter", "object", true, true),
        ("float", "object", true, true),
        ("frozenset", "object", true, true),
        ("list", "object", true, true),
        ("map", "object", true, true),
        ("memoryview", "object", false, true),
        ("property", "object", true, true),
        ("range", "object", false, true),
        ("reversed", "object", true, true),
        ("set", "object", true, true),
        ("slice", "object", false, true),
        ("staticmethod", "object", true, true),
        ("str", "object", true, true),
        ("super", "object", true, true),
        ("tuple", "object", true, true),
        ("type", "object", true, true),
        ("zip", "object", true, true),
    ];

    /// <summary>Other spellings of the same class object.</summary>
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EnvironmentError"] = "OSError",
        ["IOError"] = "OSError",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Builtin names that exist but that we do not model as bases (functions, constants, the exception groups,
    /// the importer); naming one is reported as unsupported instead of guessed.
    /// </summary>
    private static readonly HashSet<string> Unmodelled =
    [
        "Ellipsis", "False", "None", "NotImplemented", "True", "__build_class__", "__debug__", "__doc__", "__import__",
        "__name__", "__package__", "__spec__", "__loader__", "abs", "aiter", "all", "anext", "any", "ascii", "bin",
        "breakpoint", "callable", "chr", "compile", "copyright", "credits", "delattr", "dir", "divmod", "eval", "exec",
        "exit", "format", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "isinstance",
        "issubclass", "iter", "len", "license", "locals", "max", "min", "next", "oct", "open", "ord", "pow", "print",
        "quit", "repr", "round", "setattr", "sorted", "sum", "vars",
    ];

    /// <summary>Unmodelled builtins that only exist from a version on (before it, naming one is a NameError).</summary>
    private static readonly FrozenDictionary<string, int> UnmodelledSince = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["BaseExceptionGroup"] = 11,
        ["ExceptionGroup"] = 11,
        ["PythonFinalizationError"] = 13,
        ["_IncompleteInputError"] = 13,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Builds the builtin class objects (each with its MRO), by name and alias.</summary>
    public static FrozenDictionary<string, PyClass> Create()
    {
        var byName = new Dictionary<string, PyClass>(StringComparer.Ordinal);
        foreach (var (name, baseName, acceptable, ownSolid) in Rows)
        {
            var @base = baseName is null ? null : byName[baseName];
            var hasDict = WithDict.Contains(name) || name == "BaseException" || (@base?.HasDict ?? false);
            byName[name] = PyClass.Builtin(name, @base, acceptable, ownSolid, VarSized.Contains(name), hasDict);
        }

        foreach (var (alias, target) in Aliases)
        {
            byName[alias] = byName[target];
        }

        return byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="name"/> is a builtin of <paramref name="version"/> that we do not model.</summary>
    public static bool IsUnmodelled(string name, PythonVersion version) =>
        Unmodelled.Contains(name) || (UnmodelledSince.TryGetValue(name, out var since) && version.AtLeast(since));
}
