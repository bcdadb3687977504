using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Operators;

/// <summary>
/// An iterator object: <c>list_iterator</c> or <c>tuple_iterator</c> over constants (from <c>iter([...])</c>), or
/// <c>iterator</c>, the sequence iterator PySeqIter_New makes over an object with <c>__getitem__</c>
/// (Objects/iterobject.c). Its repr hides the address, which differs on every run.
/// </summary>
internal sealed class IteratorValue(string typeName, IReadOnlyList<PyValue> items) : PyValue
{
    /// <summary>The items a list or tuple iterator yields; empty for the sequence iterator, which asks __getitem__.</summary>
    public IReadOnlyList<PyValue> Items { get; } = items;

    public bool IsSequenceIterator => TypeName == "iterator";

    public override string TypeName { get; } = typeName;

    public override string Repr() => $"<{TypeName} object at 0x...>";
}
