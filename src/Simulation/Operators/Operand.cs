using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>An operand: a fresh instance of a source class (<c>A()</c>) or a constant (an int, or for <c>in</c> any literal).</summary>
internal sealed record Operand(UserClass? Class, PyValue? Constant, string Text)
{
    public string TypeName => Class?.Name ?? Constant!.TypeName;

    /// <summary>An item an iteration produced, as the left side of the <c>==</c> the search makes.</summary>
    public static Operand Of(PyValue item) => new(null, item, item.Repr());
}
