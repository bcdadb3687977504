namespace Pynsights.Simulation.Values;

/// <summary>
/// An immutable Python value built from the learner's source text. Each knows its CPython type name and prints its
/// CPython <c>repr</c> exactly.
/// </summary>
public abstract class PyValue
{
    /// <summary>The CPython type name (<c>type(x).__name__</c>).</summary>
    public abstract string TypeName { get; }

    /// <summary>Exactly what CPython's <c>repr()</c> prints.</summary>
    public abstract string Repr();

    /// <summary>Whether CPython's <c>hash()</c> accepts it (lists, dicts and sets raise TypeError).</summary>
    public virtual bool IsHashable => true;

    public override string ToString() => Repr();
}
