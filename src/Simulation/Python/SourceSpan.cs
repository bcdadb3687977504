namespace Pynsights.Simulation.Python;

/// <summary>
/// Where a node is, as CPython's ast attributes: <c>lineno</c>, <c>col_offset</c>, <c>end_lineno</c>,
/// <c>end_col_offset</c> (lines 1-based, columns 0-based in UTF-8 bytes).
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn);
