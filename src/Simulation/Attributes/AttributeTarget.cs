using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>
/// What the expression reads: an instance (its type, dict and filled slots) or a class; or, when a class statement
/// raised first, that exception.
/// </summary>
internal sealed record AttributeTarget(
    string Label,
    SourceClass? Type,
    bool IsClass,
    IReadOnlyDictionary<string, PyValue> InstanceDict,
    IReadOnlyDictionary<string, PyValue> Slots,
    (PythonError Error, string Class, int Line)? SetupError);
