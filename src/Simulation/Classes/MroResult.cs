using System.Text.Json.Serialization;

namespace Pynsights.Simulation.Classes;

/// <summary><c>mro</c>: the target's <c>__mro__</c> by <c>__name__</c>; <c>error</c>: what the source raised instead.</summary>
public sealed record MroResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Mro,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PythonError? Error);
