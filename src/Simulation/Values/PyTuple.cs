namespace Pynsights.Simulation.Values;

/// <summary>A Python tuple.</summary>
public sealed class PyTuple(IReadOnlyList<PyValue> items) : PyValue
{
    public IReadOnlyList<PyValue> Items { get; } = items;

    public override string TypeName => "tuple";

    public override string Repr() => Items.Count == 1
        ? "(" + Items[0].Repr() + ",)"
        : "(" + string.Join(", ", Items.Select(i => i.Repr())) + ")";
}
