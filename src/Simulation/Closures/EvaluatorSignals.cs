using Pynsights.Simulation.Python;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Closures;

#pragma warning disable CA1064 // internal control flow, never leaves the closures simulator

/// <summary>A Python exception in flight: there is no <c>try</c> in the subset, so it ends the run.</summary>
internal sealed class Raised(PythonError error) : Exception(error.Message)
{
    public PythonError Error { get; } = error;
}

/// <summary>Code the evaluator does not model, or a run past its limits: the simulator reports it as an input problem.</summary>
internal sealed class NotSupported(string message) : Exception(message)
{
    /// <summary>"what is not supported (line L, column C)".</summary>
    public static NotSupported At(string what, AstNode? node) =>
        new(node?.Span is { } span ? $"{what} (line {span.Line}, column {span.Column + 1})" : what);
}

#pragma warning restore CA1064

/// <summary>
/// Stands for a heap object while <see cref="Calls.CallBindingRun"/> fills the frame: binding moves references and
/// never looks at values, so the token in each bound slot maps back to the object.
/// </summary>
internal sealed class ObjectToken(int index, string typeName) : PyValue
{
    public override string TypeName => typeName;

    public override string Repr() => $"#{index}";
}
