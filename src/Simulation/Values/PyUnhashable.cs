namespace Pynsights.Simulation.Values;

/// <summary>
/// A list, dict or set display: accepted only so that hashing it (or using it as a key) raises CPython's
/// <c>TypeError: unhashable type: 'list'</c>.
/// </summary>
public sealed class PyUnhashable(string typeName, string repr) : PyValue
{
    private readonly string _repr = repr;

    public override string TypeName { get; } = typeName;

    public override bool IsHashable => false;

    public override string Repr() => _repr;
}
