namespace Pynsights.Simulation.Calls;

/// <summary>
/// Lines of Python/ceval.c the call-binding trace cites, read from the tags of <see cref="CPythonTags"/>: 3.10 binds
/// in <c>_PyEval_MakeFrameVector</c>, 3.11 onwards in <c>initialize_locals</c>. 0 marks a tag whose ceval.c we have
/// not read line by line (3.12, 3.14): those steps carry no link rather than a wrong one.
/// </summary>
internal static class CallSource
{
    private const string Ceval = "Python/ceval.c";

    private static SourceLocation? At(PythonVersion v, string function, ReadOnlySpan<int> lines) =>
        CPythonTags.AtIfRead(v, Ceval, function, lines);

    private static string Binder(PythonVersion v) => v.AtLeast(11) ? "initialize_locals" : "_PyEval_MakeFrameVector";

    public static SourceLocation? KwDict(PythonVersion v) => At(v, Binder(v), [4797, 6140, 0, 1428, 0]);

    public static SourceLocation? Positional(PythonVersion v) => At(v, Binder(v), [4814, 6159, 0, 1447, 0]);

    public static SourceLocation? VarArgs(PythonVersion v) => At(v, Binder(v), [4828, 6173, 0, 1461, 0]);

    public static SourceLocation? Keywords(PythonVersion v) => At(v, Binder(v), [4837, 6196, 0, 1484, 0]);

    public static SourceLocation? Unexpected(PythonVersion v) => At(v, Binder(v), [4887, 6246, 0, 1556, 0]);

    public static SourceLocation? Multiple(PythonVersion v) => At(v, Binder(v), [4900, 6267, 0, 1579, 0]);

    public static SourceLocation? Defaults(PythonVersion v) => At(v, Binder(v), [4916, 6282, 0, 1594, 0]);

    public static SourceLocation? KwDefaults(PythonVersion v) => At(v, Binder(v), [4947, 6313, 0, 1624, 0]);

    public static SourceLocation? TooManyPositional(PythonVersion v) => At(v, "too_many_positional", [4657, 5945, 0, 1231, 0]);

    public static SourceLocation? MissingArguments(PythonVersion v) => At(v, "missing_arguments", [4618, 5906, 0, 1192, 0]);

    public static SourceLocation? PositionalOnly(PythonVersion v) => At(v, "positional_only_passed_as_keyword", [4715, 6003, 0, 1289, 0]);

    public static SourceLocation? KwargsError(PythonVersion v) =>
        At(v, v.AtLeast(13) ? "_PyEval_FormatKwargsError" : "format_kwargs_error", [6223, 7697, 0, 3002, 0]);
}
