namespace Pynsights.Simulation.Values;

/// <summary><c>True</c> or <c>False</c>; an int subclass in CPython, so it hashes and compares as 1 or 0.</summary>
public sealed class PyBool : PyValue
{
    private PyBool(bool value) => Value = value;

    public static PyBool True { get; } = new(true);
    public static PyBool False { get; } = new(false);

    public bool Value { get; }

    public override string TypeName => "bool";

    public override string Repr() => Value ? "True" : "False";
}
