namespace Pynsights.Simulation.Python;

/// <summary>
/// Why code was not accepted: a <c>SyntaxError</c> CPython raises too (<see cref="Unsupported"/> false), or valid
/// Python outside the subset Pynsights models (<see cref="Unsupported"/> true). Line and column are 1-based; the
/// column counts characters, as CPython's <c>SyntaxError.offset</c> does for the line's text.
/// </summary>
public sealed record SyntaxDiagnostic(string Type, string Message, int Line, int Column, bool Unsupported)
{
    public override string ToString() => $"{Type}: {Message} (line {Line}, column {Column})";
}
