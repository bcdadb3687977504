namespace Pynsights.Simulation.Operators;

/// <summary>The shapes of special-method body the simulator runs (see <see cref="MethodBody"/>).</summary>
internal enum BodyKind
{
    /// <summary><c>return &lt;constant&gt;</c> or <c>return NotImplemented</c>.</summary>
    Return,

    /// <summary><c>return iter([...])</c> or <c>return iter((...))</c> of constants: a list or tuple iterator.</summary>
    ReturnIterator,

    /// <summary><c>return [...][index]</c> or <c>return (...)[index]</c>: the item, or IndexError past the end.</summary>
    ReturnItem,

    /// <summary><c>__name__ = None</c> in the class body: the slot is filled, and calling it fails.</summary>
    None,
}
