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

    /// <summary>Called at each probe, write and resize: (kind, message, slot, CPython function).</summary>
    public Action<string, string, int, string>? OnEvent { get; set; }

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

    /// <summary><c>set_add_entry</c>. Returns whether the key was new; <paramref name="probes"/> gets each slot looked at.</summary>
    public bool Add(PyValue key, long hash, List<int> probes)
    {
        var mask = (ulong)Mask;
        var i = unchecked((ulong)hash) & mask;
        var perturb = unchecked((ulong)hash);
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
                    Event("probe", $"Slot {slot} is empty: the key is not in the set.", slot, "set_add_entry");
                    if (freeslot is { } free)
                    {
                        // The last dummy seen on the way is reused; fill does not change.
                        Used++;
                        Write(free, key, hash);
                        Event("write", $"Reuse the dummy at slot {free} for {key.Repr()}.", free, "set_add_entry");
                        return true;
                    }

                    Fill++;
                    Used++;
                    Write(slot, key, hash);
                    Event("write", $"Store {key.Repr()} in slot {slot}; fill = {Fill}, used = {Used}.", slot, "set_add_entry");
                    if ((ulong)Fill * 5 < mask * 3)
                    {
                        return true;
                    }

                    Resize(Used > 50000 ? Used * 2 : Used * 4, "set_add_entry");
                    return true;
                }

                if (_dummy[slot])
                {
                    freeslot = slot;
                    Event("probe", $"Slot {slot} holds a dummy: remember it and keep probing.", slot, "set_add_entry");
                }
                else if (_hashes[slot] == hash && PyEquality.Equal(_keys[slot]!, key))
                {
                    Event("probe", $"Slot {slot} holds an equal key: nothing to add.", slot, "set_add_entry");
                    return false;
                }
                else
                {
                    Event("probe", $"Slot {slot} holds {_keys[slot]!.Repr()}: a collision, keep probing.", slot, "set_add_entry");
                }
            }

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary><c>set_lookkey</c>: the slot holding an equal key, or null. Dummies are skipped.</summary>
    public int? Lookup(PyValue key, long hash, List<int> probes, string function)
    {
        var mask = (ulong)Mask;
        var i = unchecked((ulong)hash) & mask;
        var perturb = unchecked((ulong)hash);
        while (true)
        {
            var slot = (int)i;
            var linear = i + LinearProbes <= mask ? LinearProbes : 0;
            for (var n = 0; n <= linear; n++, slot++)
            {
                probes.Add(slot);
                if (IsEmpty(slot))
                {
                    Event("probe", $"Slot {slot} is empty: the key is not in the set.", slot, "set_lookkey");
                    return null;
                }

                if (!_dummy[slot] && _hashes[slot] == hash && PyEquality.Equal(_keys[slot]!, key))
                {
                    Event("probe", $"Slot {slot} holds an equal key: found.", slot, "set_lookkey");
                    return slot;
                }

                Event("probe", _dummy[slot] ? $"Slot {slot} holds a dummy: keep probing." : $"Slot {slot} holds {_keys[slot]!.Repr()}: keep probing.", slot, function);
            }

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary><c>set_discard_entry</c> after a successful lookup: the entry becomes a dummy (hash −1).</summary>
    public void MakeDummy(int slot)
    {
        var key = _keys[slot]!;
        _keys[slot] = null;
        _dummy[slot] = true;
        _hashes[slot] = -1;
        Used--;
        Event("dummy", $"Replace {key.Repr()} in slot {slot} with a dummy; used = {Used}, fill stays {Fill}.", slot, "set_discard_entry");
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
            Event("probe", $"Slot {slot} is {(_dummy[slot] ? "a dummy" : "empty")}: move on.", slot, "set_pop");
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
        Event("dummy", $"Pop {key.Repr()} from slot {slot}, leaving a dummy; the finger moves to {Finger}.", slot, "set_pop");
        return (key, slot);
    }

    /// <summary><c>set_table_resize</c>: the smallest power of two above <paramref name="minUsed"/>, dummies dropped.</summary>
    public void Resize(int minUsed, string caller)
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

        Event("resize", $"{caller} resizes the table from {oldSize} to {newSize} slots (minused {minUsed}), reinserting the {Used} keys in slot order and dropping dummies.", -1, "set_table_resize");
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
            Resize((Used + other.Used) * 2, "set_merge");
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

    private void Event(string kind, string message, int slot, string function) => OnEvent?.Invoke(kind, message, slot, function);
}
