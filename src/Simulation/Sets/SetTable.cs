using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Sets;

/// <summary>
/// The open-addressing table of a CPython set (Objects/setobject.c): <c>mask</c>, <c>fill</c> (active + dummy),
/// <c>used</c>, <c>finger</c>, 9 linear probes then perturbation. Entries are (key, hash); a dummy has hash −1.
/// </summary>
internal sealed class SetTable
{
    /// <summary><c>PySet_MINSIZE</c>.</summary>
    public const int MinSize = 8;
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    private PyValue?[] _keys = new PyValue?[MinSize];
    private long[] _hashes = new long[MinSize];
    private bool[] _dummy = new bool[MinSize];

    /// <summary>Called at each probe, store, discard and resize.</summary>
    public Action<SetTableEvent>? OnEvent { get; set; }

    public int Mask { get; private set; } = MinSize - 1;

    public int Fill { get; private set; }

    public int Used { get; private set; }

    public int Finger { get; private set; }

    public bool IsDummy(int slot) => _dummy[slot];

    public PyValue? KeyAt(int slot) => _dummy[slot] ? null : _keys[slot];

    public long HashAt(int slot) => _hashes[slot];

    /// <summary>Active keys in table order (iteration order).</summary>
    public IEnumerable<PyValue> Keys()
    {
        for (var i = 0; i <= Mask; i++)
        {
            if (_keys[i] is { } key && !_dummy[i])
            {
                yield return key;
            }
        }
    }

    /// <summary>Active entries in table order.</summary>
    public IEnumerable<(PyValue Key, long Hash)> Entries()
    {
        for (var i = 0; i <= Mask; i++)
        {
            if (_keys[i] is { } key && !_dummy[i])
            {
                yield return (key, _hashes[i]);
            }
        }
    }

    private bool IsEmpty(int slot) => _keys[slot] is null && !_dummy[slot];

    /// <summary>
    /// <c>set_add_entry</c>. Returns whether the key was new; <paramref name="probes"/> gets each slot looked at.
    /// The walk goes on past dummies to the first empty slot (or an equal key); a new key then takes the last dummy
    /// seen on the way (<c>freeslot</c>), else the empty slot, and an empty slot taken may trigger a resize.
    /// </summary>
    public bool Add(PyValue key, long hash, List<int> probes)
    {
        var mask = (ulong)Mask;
        var i = unchecked((ulong)hash) & mask;
        var perturb = unchecked((ulong)hash);
        var previous = 0UL;
        var round = 0;
        int? freeslot = null;
        while (true)
        {
            var slot = (int)i;
            var linear = i + LinearProbes <= mask ? LinearProbes : 0;
            for (var n = 0; n <= linear; n++, slot++)
            {
                probes.Add(slot);
                if (IsEmpty(slot))
                {
                    Emit(SetTableEventKind.ProbeEmpty, slot, round, i, previous, perturb, n);
                    if (freeslot is { } free)
                    {
                        Used++;
                        Write(free, key, hash);
                        Emit(SetTableEventKind.StoreDummy, free);
                        return true;
                    }

                    Fill++;
                    Used++;
                    Write(slot, key, hash);
                    Emit(SetTableEventKind.StoreEmpty, slot);
                    if ((ulong)Fill * 5 < mask * 3)
                    {
                        return true;
                    }

                    Resize(Used > 50000 ? Used * 2 : Used * 4);
                    return true;
                }

                if (_dummy[slot])
                {
                    freeslot = slot;
                    Emit(SetTableEventKind.ProbeDummy, slot, round, i, previous, perturb, n);
                }
                else if (_hashes[slot] == hash && PyEquality.Equal(_keys[slot]!, key))
                {
                    Emit(SetTableEventKind.ProbeMatch, slot, round, i, previous, perturb, n);
                    return false;
                }
                else
                {
                    Emit(SetTableEventKind.ProbeOther, slot, round, i, previous, perturb, n);
                }
            }

            previous = i;
            round++;
            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary><c>set_lookkey</c>: the slot holding an equal key, or null. Dummies (hash −1) never match.</summary>
    public int? Lookup(PyValue key, long hash, List<int> probes)
    {
        var mask = (ulong)Mask;
        var i = unchecked((ulong)hash) & mask;
        var perturb = unchecked((ulong)hash);
        var previous = 0UL;
        var round = 0;
        while (true)
        {
            var slot = (int)i;
            var linear = i + LinearProbes <= mask ? LinearProbes : 0;
            for (var n = 0; n <= linear; n++, slot++)
            {
                probes.Add(slot);
                if (IsEmpty(slot))
                {
                    Emit(SetTableEventKind.ProbeEmpty, slot, round, i, previous, perturb, n);
                    return null;
                }

                if (!_dummy[slot] && _hashes[slot] == hash && PyEquality.Equal(_keys[slot]!, key))
                {
                    Emit(SetTableEventKind.ProbeMatch, slot, round, i, previous, perturb, n);
                    return slot;
                }

                Emit(_dummy[slot] ? SetTableEventKind.ProbeDummy : SetTableEventKind.ProbeOther, slot, round, i, previous, perturb, n);
            }

            previous = i;
            round++;
            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary><c>set_discard_entry</c> after a successful lookup: the entry becomes a dummy (hash −1).</summary>
    public void MakeDummy(int slot)
    {
        _keys[slot] = null;
        _dummy[slot] = true;
        _hashes[slot] = -1;
        Used--;
        Emit(SetTableEventKind.Discard, slot);
    }

    /// <summary><c>set_pop</c>: scan from the finger for an active entry, make it a dummy, move the finger past it.</summary>
    public (PyValue Key, int Slot)? Pop(List<int> probes)
    {
        if (Used == 0)
        {
            return null;
        }

        var slot = Finger & Mask;
        while (_keys[slot] is null || _dummy[slot])
        {
            probes.Add(slot);
            Emit(SetTableEventKind.PopSkip, slot);
            slot++;
            if (slot > Mask)
            {
                slot = 0;
            }
        }

        probes.Add(slot);
        var key = _keys[slot]!;
        _keys[slot] = null;
        _dummy[slot] = true;
        _hashes[slot] = -1;
        Used--;
        Finger = slot + 1;
        Emit(SetTableEventKind.Pop, slot);
        return (key, slot);
    }

    /// <summary><c>set_table_resize</c>: the smallest power of two above <paramref name="minUsed"/>, dummies dropped.</summary>
    public void Resize(int minUsed)
    {
        var newSize = MinSize;
        while (newSize <= minUsed)
        {
            newSize <<= 1;
        }

        if (newSize == MinSize && Mask == MinSize - 1 && Fill == Used)
        {
            // Still the small table and no dummies: nothing to do.
            return;
        }

        var oldKeys = _keys;
        var oldHashes = _hashes;
        var oldDummy = _dummy;
        var oldSize = Mask + 1;
        _keys = new PyValue?[newSize];
        _hashes = new long[newSize];
        _dummy = new bool[newSize];
        Mask = newSize - 1;
        Fill = Used;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] is { } key && !oldDummy[i])
            {
                InsertClean(key, oldHashes[i]);
            }
        }

        Emit(SetTableEventKind.Resize, oldSize, start: (ulong)newSize, offset: minUsed);
    }

    /// <summary><c>set_insert_clean</c>: into a table known to have no dummies and not to hold the key.</summary>
    private void InsertClean(PyValue key, long hash)
    {
        var mask = (ulong)Mask;
        var i = unchecked((ulong)hash) & mask;
        var perturb = unchecked((ulong)hash);
        while (true)
        {
            var slot = (int)i;
            if (_keys[slot] is null)
            {
                Write(slot, key, hash);
                return;
            }

            if (i + LinearProbes <= mask)
            {
                for (var j = 0; j < LinearProbes; j++)
                {
                    slot++;
                    if (_keys[slot] is null)
                    {
                        Write(slot, key, hash);
                        return;
                    }
                }
            }

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary><c>set_merge</c> of <paramref name="other"/> into this (empty) set, as <c>set(s)</c>/<c>frozenset(s)</c> do.</summary>
    public void MergeFrom(SetTable other)
    {
        if (other.Used == 0)
        {
            return;
        }

        if ((Fill + other.Used) * 5 >= Mask * 3)
        {
            Resize((Used + other.Used) * 2);
        }

        if (Fill == 0 && Mask == other.Mask && other.Fill == other.Used)
        {
            // Same size and no dummies: copy the entries slot for slot.
            for (var i = 0; i <= Mask; i++)
            {
                _keys[i] = other._keys[i];
                _hashes[i] = other._hashes[i];
            }

            Fill = other.Fill;
            Used = other.Used;
            return;
        }

        if (Fill == 0)
        {
            Fill = other.Used;
            Used = other.Used;
            for (var i = 0; i <= other.Mask; i++)
            {
                if (other._keys[i] is { } key && !other._dummy[i])
                {
                    InsertClean(key, other._hashes[i]);
                }
            }

            return;
        }

        foreach (var i in Enumerable.Range(0, other.Mask + 1))
        {
            if (other._keys[i] is { } key && !other._dummy[i])
            {
                Add(key, other._hashes[i], []);
            }
        }
    }

    private void Write(int slot, PyValue key, long hash)
    {
        _keys[slot] = key;
        _hashes[slot] = hash;
        _dummy[slot] = false;
    }

    private void Emit(SetTableEventKind kind, int slot, int round = 0, ulong start = 0, ulong previous = 0, ulong perturb = 0, int offset = 0) =>
        OnEvent?.Invoke(new SetTableEvent(kind, slot, round, start, previous, perturb, offset));
}
