namespace Pynsights.Simulation.Values;

/// <summary>
/// A Python frozenset. <see cref="Items"/> are in the order of the frozenset's own hash table (the order CPython's
/// <c>repr</c> and iteration show), as <c>SetDisplay</c> worked it out.
/// </summary>
public sealed class PyFrozenSet(IReadOnlyList<PyValue> items) : PyValue
{
    public IReadOnlyList<PyValue> Items { get; } = items;

    public override string TypeName => "frozenset";

    public override string Repr() => Items.Count == 0
        ? "frozenset()"
        : "frozenset({" + string.Join(", ", Items.Select(i => i.Repr())) + "})";
}
