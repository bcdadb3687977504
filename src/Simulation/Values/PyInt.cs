using System.Globalization;
using System.Numerics;

namespace Pynsights.Simulation.Values;

/// <summary>A Python int of any size.</summary>
public sealed class PyInt(BigInteger value) : PyValue
{
    public BigInteger Value { get; } = value;

    public override string TypeName => "int";

    public override string Repr() => Value.ToString(CultureInfo.InvariantCulture);
}
