namespace Pynsights.Simulation.Classes;

/// <summary>
/// Lines of Objects/typeobject.c the mro trace cites, per tag of <see cref="CPythonTags"/> (3.10 to 3.14). 0 marks a
/// tag whose typeobject.c we have not read line by line (3.10, 3.12, 3.14): no link rather than a wrong one.
/// </summary>
internal static class MroSource
{
    private const string File = "Objects/typeobject.c";

    private static SourceLocation? At(PythonVersion v, string function, ReadOnlySpan<int> lines) =>
        CPythonTags.AtIfRead(v, File, function, lines);

    public static SourceLocation? GetBases(PythonVersion v) => At(v, "type_new_get_bases", [0, 3224, 0, 4201, 0]);

    public static SourceLocation? BestBase(PythonVersion v) => At(v, "best_base", [0, 2173, 0, 3126, 0]);

    public static SourceLocation? NotAcceptable(PythonVersion v) => At(v, "best_base", [0, 2199, 0, 3152, 0]);

    public static SourceLocation? LayoutConflict(PythonVersion v) => At(v, "best_base", [0, 2218, 0, 3171, 0]);

    public static SourceLocation? SolidBase(PythonVersion v) => At(v, "solid_base", [0, 2260, 0, 3190, 0]);

    public static SourceLocation? MroImplementation(PythonVersion v) =>
        At(v, v.AtLeast(13) ? "mro_implementation_unlocked" : "mro_implementation", [0, 1920, 0, 2840, 0]);

    public static SourceLocation? CheckDuplicates(PythonVersion v) => At(v, "check_duplicates", [0, 1759, 0, 2679, 0]);

    public static SourceLocation? Pmerge(PythonVersion v) => At(v, "pmerge", [0, 1850, 0, 2770, 0]);

    public static SourceLocation? TailContains(PythonVersion v) => At(v, "tail_contains", [0, 1736, 0, 2656, 0]);

    public static SourceLocation? SetMroError(PythonVersion v) => At(v, "set_mro_error", [0, 1799, 0, 2719, 0]);
}
