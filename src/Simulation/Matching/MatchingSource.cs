namespace Pynsights.Simulation.Matching;

/// <summary>Lines the pattern-matching trace cites, per tag of <see cref="CPythonTags"/>; 0: not read, no link.</summary>
internal static class MatchingSource
{
    public static SourceLocation? CompilerMatch(PythonVersion v) => CPythonTags.AtIfRead(v, "Python/compile.c", "compiler_match", [0, 7080, 0, 7525, 0]);

    public static SourceLocation? MatchClass(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Python/ceval.c", v.AtLeast(13) ? "_PyEval_MatchClass" : "match_class", [0, 1014, 0, 462, 0]);

    public static SourceLocation? MatchClassAttr(PythonVersion v) => CPythonTags.AtIfRead(v, "Python/ceval.c", "match_class_attr", [0, 990, 0, 440, 0]);
}
