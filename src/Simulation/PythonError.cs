namespace Pynsights.Simulation;

/// <summary>The exception CPython raises for an input, with its exact type name and message.</summary>
public sealed record PythonError(string Type, string Message);
