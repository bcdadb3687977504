namespace Pynsights.Simulation.Closures;

/// <summary>
/// The built-in names the evaluator has (print, range, len, repr), and every other name of CPython's builtins
/// module (3.10 to 3.13), which a program may not use: NameError would be a wrong answer for them.
/// </summary>
internal static class Builtins
{
    private static readonly Dictionary<string, BuiltinObj> Modelled = new(StringComparer.Ordinal)
    {
        ["print"] = new("print", false),
        ["range"] = new("range", false),
        ["len"] = new("len", false),
        ["repr"] = new("repr", false),
    };

    private static readonly Dictionary<string, BuiltinObj> FunctoolsFunctions = new(StringComparer.Ordinal)
    {
        ["wraps"] = new("wraps", true),
        ["update_wrapper"] = new("update_wrapper", true),
    };

    private static readonly HashSet<string> Unmodelled =
    [
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup", "BlockingIOError",
        "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
        "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
        "EnvironmentError", "Exception", "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError",
        "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
        "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
        "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "PythonFinalizationError",
        "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration",
        "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError",
        "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
        "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
        "_IncompleteInputError", "__build_class__", "__debug__", "__doc__", "__import__", "__loader__", "__name__",
        "__package__", "__spec__", "__builtins__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
        "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright",
        "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
        "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
        "issubclass", "iter", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
        "open", "ord", "pow", "property", "quit", "reversed", "round", "set", "setattr", "slice", "sorted",
        "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
    ];

    public static BuiltinObj? Lookup(string name) => Modelled.GetValueOrDefault(name);

    public static bool IsUnmodelled(string name) => Unmodelled.Contains(name);

    public static BuiltinObj Functools(string name) => FunctoolsFunctions[name];
}
