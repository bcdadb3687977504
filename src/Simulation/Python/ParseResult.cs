namespace Pynsights.Simulation.Python;

/// <summary>A parsed module, or the diagnostic that stopped the parse.</summary>
public sealed record ParseResult(AstNode? Module, SyntaxDiagnostic? Diagnostic);
