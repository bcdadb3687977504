using Pynsights.Simulation.Values;

namespace Pynsights.Simulation;

/// <summary>An exception CPython raises for an input, with its exact type name and message (<c>str(exc)</c>).</summary>
public sealed record PythonError(string Type, string Message)
{
    public static PythonError Unhashable(PyValue value) => new("TypeError", $"unhashable type: '{value.TypeName}'");

    /// <summary><c>_PyErr_SetKeyError</c>: the message is the key's repr.</summary>
    public static PythonError KeyError(PyValue key) => new("KeyError", key.Repr());
}
