using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Defaults;

/// <summary>
/// Stands for a heap object while the call-binding machinery fills the frame: binding moves references, never
/// looks at values, so a unique token lets the bound locals be mapped back to the objects.
/// </summary>
internal sealed class Handle(int index) : PyValue
{
    public int Index { get; } = index;

    public override string TypeName => "object";

    public override string Repr() => $"#{Index}";
}
