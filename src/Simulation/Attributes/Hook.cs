using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Attributes;

/// <summary>What the one statement of a source's <c>__getattribute__(self, name)</c> or <c>__getattr__</c> does.</summary>
internal enum HookAction
{
    /// <summary><c>return constant</c>.</summary>
    Return,

    /// <summary><c>raise AttributeError</c>, <c>raise AttributeError()</c>, <c>(name)</c> or <c>('text')</c>.</summary>
    Raise,

    /// <summary><c>return object.__getattribute__(self, name)</c>: the generic lookup.</summary>
    ObjectGetattribute,

    /// <summary><c>return super().__getattribute__(name)</c>: the next __getattribute__ along the instance's MRO.</summary>
    SuperGetattribute,
}

/// <summary>
/// A <c>__getattribute__</c> or <c>__getattr__</c> defined in class <paramref name="Owner"/>: what it returns, or the
/// message of the AttributeError it raises (null: the attribute name it was called with).
/// </summary>
internal sealed record Hook(string Owner, HookAction Action, PyValue? Returned, string? Message);
