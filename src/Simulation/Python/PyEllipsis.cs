using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Python;

/// <summary>The <c>...</c> constant.</summary>
internal sealed class PyEllipsis : PyValue
{
    public static PyEllipsis Instance { get; } = new();

    private PyEllipsis()
    {
    }

    public override string TypeName => "ellipsis";

    public override string Repr() => "Ellipsis";
}
