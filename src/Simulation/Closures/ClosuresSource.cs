namespace Pynsights.Simulation.Closures;

/// <summary>Lines the closures trace cites, per tag of <see cref="CPythonTags"/>; 0: not read, no link.</summary>
internal static class ClosuresSource
{
    public static SourceLocation? AnalyzeBlock(PythonVersion v) => CPythonTags.AtIfRead(v, "Python/symtable.c", "analyze_block", [0, 739, 0, 1037, 0]);

    /// <summary>compute_localsplus_info moved from compile.c to assemble.c in 3.13.</summary>
    public static SourceLocation? LocalsPlus(PythonVersion v) =>
        CPythonTags.AtIfRead(v, v.AtLeast(13) ? "Python/assemble.c" : "Python/compile.c", "compute_localsplus_info", [0, 7914, 0, 472, 0]);
}
