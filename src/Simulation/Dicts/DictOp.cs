namespace Pynsights.Simulation.Dicts;

/// <summary>The dict operations a trace can replay.</summary>
internal enum DictOp
{
    /// <summary><c>d[key] = value</c>.</summary>
    Set,

    /// <summary><c>d.get(key[, value])</c>.</summary>
    Get,

    /// <summary><c>del d[key]</c>.</summary>
    Delete,

    /// <summary><c>d.pop(key[, value])</c>.</summary>
    Pop,

    /// <summary><c>d.popitem()</c>.</summary>
    PopItem,

    /// <summary><c>d.setdefault(key[, value])</c>.</summary>
    SetDefault,

    /// <summary><c>key in d</c>.</summary>
    Contains,
}
