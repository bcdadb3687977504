namespace Pynsights.Simulation;

/// <summary>
/// Where CPython does what a step shows: a file and function of the CPython source, and a link pinned to a release tag.
/// </summary>
public sealed record SourceLocation(string File, string Function, int Line, string Url)
{
    /// <summary>Builds the pinned GitHub link for <paramref name="file"/> at <paramref name="tag"/>, line <paramref name="line"/>.</summary>
    public static SourceLocation At(string tag, string file, string function, int line) =>
        new(file, function, line, $"https://github.com/python/cpython/blob/{tag}/{file}#L{line}");
}
