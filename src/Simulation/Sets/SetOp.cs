namespace Pynsights.Simulation.Sets;

/// <summary>The set operations a trace can replay.</summary>
internal enum SetOp
{
    /// <summary><c>s.add(key)</c>.</summary>
    Add,

    /// <summary><c>s.discard(key)</c>.</summary>
    Discard,

    /// <summary><c>s.remove(key)</c>.</summary>
    Remove,

    /// <summary><c>key in s</c>.</summary>
    Contains,

    /// <summary><c>s.pop()</c>.</summary>
    Pop,
}
