namespace Pynsights.Simulation.Values;

/// <summary>A Python float (an IEEE 754 double).</summary>
public sealed class PyFloat(double value) : PyValue
{
    public double Value { get; } = value;

    public override string TypeName => "float";

    /// <summary><c>float_repr</c>: shortest round-trip digits with <c>Py_DTSF_ADD_DOT_0</c>.</summary>
    public override string Repr() => FloatRepr.Format(Value, addDotZero: true, forceSign: false);
}
