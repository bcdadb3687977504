namespace Pynsights.Simulation.Values;

/// <summary>
/// The outcome of evaluating a value's source text: the value, or the exception CPython raises evaluating it, or a
/// diagnostic when the text is not something Pynsights accepts.
/// </summary>
public sealed record ParsedValue(PyValue? Value, PythonError? Error, ValueDiagnostic? Diagnostic);
