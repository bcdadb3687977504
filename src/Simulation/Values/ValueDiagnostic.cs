namespace Pynsights.Simulation.Values;

/// <summary>Why a value's source text was not accepted, with the 1-based column (UTF-16 units) of the problem.</summary>
public sealed record ValueDiagnostic(string Message, int Column);
