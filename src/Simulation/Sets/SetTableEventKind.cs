namespace Pynsights.Simulation.Sets;

/// <summary>What <see cref="SetTable"/> just did (Objects/setobject.c).</summary>
internal enum SetTableEventKind
{
    /// <summary>A probed slot is empty: the search ends.</summary>
    ProbeEmpty,

    /// <summary>A probed slot holds a dummy.</summary>
    ProbeDummy,

    /// <summary>A probed slot holds an equal key.</summary>
    ProbeMatch,

    /// <summary>A probed slot holds another key.</summary>
    ProbeOther,

    /// <summary>A new key is stored in an empty slot (fill and used grow).</summary>
    StoreEmpty,

    /// <summary>A new key reuses the last dummy seen on its way (only used grows).</summary>
    StoreDummy,

    /// <summary>A key is replaced by a dummy (discard, remove).</summary>
    Discard,

    /// <summary><c>set_pop</c> skips an empty or dummy slot.</summary>
    PopSkip,

    /// <summary><c>set_pop</c> takes the key in a slot, leaving a dummy.</summary>
    Pop,

    /// <summary><c>set_table_resize</c> rebuilt the table.</summary>
    Resize,
}
