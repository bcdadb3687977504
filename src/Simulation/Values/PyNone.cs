namespace Pynsights.Simulation.Values;

/// <summary>The singleton <c>None</c>.</summary>
public sealed class PyNone : PyValue
{
    private PyNone()
    {
    }

    public static PyNone Instance { get; } = new();

    public override string TypeName => "NoneType";

    public override string Repr() => "None";
}
