namespace Pynsights.Simulation.Dicts;

/// <summary>
/// The index slots CPython's dict visits for a hash (Objects/dictobject.c): <c>i = hash &amp; mask</c>, then
/// <c>perturb &gt;&gt;= 5; i = (i*5 + perturb + 1) &amp; mask</c> with <c>perturb</c> starting at the hash as an
/// unsigned number. Lookups, <c>find_empty_slot</c>, <c>popitem</c> and the rebuild of the indices on a resize all
/// walk this one sequence.
/// </summary>
internal struct DictProbeSequence(long hash, int mask)
{
    private readonly ulong _mask = (ulong)mask;
    private ulong _i = unchecked((ulong)hash) & (ulong)mask;

    /// <summary>The slot probed now.</summary>
    public readonly int Slot => (int)_i;

    /// <summary>Whether <see cref="Slot"/> is the first of the sequence (<c>hash &amp; mask</c>).</summary>
    public bool First { get; private set; } = true;

    /// <summary>The slot probed before this one (0 for the first).</summary>
    public ulong Previous { get; private set; }

    /// <summary><c>perturb</c> as it was when <see cref="Slot"/> was computed.</summary>
    public ulong Perturb { get; private set; } = unchecked((ulong)hash);

    /// <summary>Moves to the next slot of the sequence.</summary>
    public void Next()
    {
        First = false;
        Previous = _i;
        Perturb >>= DictTable.PerturbShift;
        _i = unchecked((_i * 5) + Perturb + 1) & _mask;
    }
}
