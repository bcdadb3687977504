namespace Pynsights.Simulation.Python;

/// <summary>
/// Unwinds the recursive descent to <see cref="PythonSyntax.Parse"/>, which turns it into a diagnostic; it never
/// leaves the front end.
/// </summary>
#pragma warning disable CA1064 // internal control flow of the parser, never seen by callers
internal sealed class ParseFailure(SyntaxDiagnostic diagnostic) : Exception(diagnostic.Message)
#pragma warning restore CA1064
{
    public SyntaxDiagnostic Diagnostic { get; } = diagnostic;
}
