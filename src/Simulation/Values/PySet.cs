using Pynsights.Simulation.Sets;

namespace Pynsights.Simulation.Values;

/// <summary>A set display's value: unhashable, kept with its table so <c>frozenset(...)</c> copies it as CPython does.</summary>
internal sealed class PySet(SetTable table) : PyValue
{
    public SetTable Table { get; } = table;

    public override string TypeName => "set";

    public override bool IsHashable => false;

    public override string Repr() => "{" + string.Join(", ", Table.Keys().Select(k => k.Repr())) + "}";
}
