using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Matching;

/// <summary>
/// An instance of a class of the source, with its <c>__dict__</c> in insertion order. Its default repr carries an
/// address that changes from run to run; we print <c>0x...</c> where CPython prints the address (the oracle
/// replaces CPython's addresses the same way).
/// </summary>
internal sealed class PyInstance(PyClassObject cls) : PyValue
{
    public const string Address = "0x...";

    public PyClassObject Class { get; } = cls;

    public Dictionary<string, Subject> Dict { get; } = new(StringComparer.Ordinal);

    public override string TypeName => Class.Name;

    public override string Repr() => $"<__main__.{Class.Name} object at {Address}>";
}
