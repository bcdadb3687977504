using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// Replays the operations on a model of CPython's compact dict (Objects/dictobject.c), making a step at each
/// hash, index-slot probe, resize, kind change, index write and entry append; an operation's steps are handed out
/// once it is applied. Per-step cost is O(1) once the table has more than 256 slots (the step then carries a
/// window); a resize is one step of O(n) work.
/// </summary>
internal sealed class DictProbingRun(JsonObject canonical, PythonVersion version, IReadOnlyList<DictOperation> operations, bool keysizeQuirk)
    : SimulationRun(canonical)
{
    private readonly List<int> _probes = [];

    /// <summary>The pinned source of each function name the steps cite, by reference: the names are literals.</summary>
    private readonly Dictionary<string, SourceLocation?> _sources = new(ReferenceEqualityComparer.Instance);

    /// <summary>The steps of the operation being applied, handed out once it is done.</summary>
    private readonly List<Step> _pending = [];
    private readonly ProbeLog _probeLog = new(operations.Count);
    private DictTable _table = DictTable.SharedEmpty(version);
    private DictTableHeader? _header;
    private int[]? _wholeIndices;
    private DictEntryView?[]? _wholeEntries;
    private DictProbingResult? _result;
    private int _index;
    private int _operation;
    private string _call = "";
    private long? _hash;
    private PythonError? _error;
    private int _foundSlot;
    private int _foundEntry;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    private bool FreeThreaded => version.FreeThreaded;

    public override IEnumerable<Step> Steps()
    {
        for (var k = 0; k < operations.Count; k++)
        {
            var op = operations[k];
            _operation = k;
            _call = op.Call;
            _hash = null;
            _error = null;
            _probes.Clear();
            Apply(op);
            foreach (var step in _pending)
            {
                yield return step;
            }

            _pending.Clear();
            _probeLog.Record(_probes);
            if (_error is { } error)
            {
                yield return Make("exception", $"{_call} raises {error.Type}: {error.Message}", Facts(DictText.Given), null);
                break;
            }
        }

        _result = BuildResult();
    }

    private void Apply(DictOperation op)
    {
        // Arguments are evaluated before the call; in `d[k] = v` the value is evaluated before the key.
        var first = op.Op == DictOp.Set ? op.Value : op.Key;
        var second = op.Op == DictOp.Set ? op.Key : op.Value;
        if ((first?.Error ?? second?.Error) is { } evaluation)
        {
            _error = evaluation;
            return;
        }

        if (op.Op == DictOp.PopItem)
        {
            PopItem();
            return;
        }

        var key = op.Key!.Value!;
        if (op.Op == DictOp.Pop && _table.Used == 0)
        {
            // _PyDict_Pop answers for an empty dict before hashing the key (so even an unhashable key gives KeyError).
            if (op.ValueRepr is { } fallback)
            {
                Emit("result", $"{_call}: the dict is empty, so pop returns the default {fallback} without hashing the key.", null, -1, -1, "_PyDict_Pop_KnownHash");
            }
            else
            {
                _error = PythonError.KeyError(key);
            }

            return;
        }

        if (op.HashError is { } hashError)
        {
            _error = hashError;
            return;
        }

        var hash = op.Hash;
        _hash = hash;
        var keyRepr = op.KeyRepr!;
        Emit("hash", null, Facts(DictText.Hash) with { Key = keyRepr }, null);

        switch (op.Op)
        {
            case DictOp.Set:
            case DictOp.SetDefault:
                Insert(op, key, keyRepr, hash);

                break;
            default:
                Lookup(key, hash);

                AfterLookup(op, key);

                break;
        }
    }

    private void AfterLookup(DictOperation op, PyValue key)
    {
        var found = _foundEntry >= 0;
        var entry = _foundEntry;
        switch (op.Op)
        {
            case DictOp.Get:
                var returned = found ? _table.ViewAt(entry)!.Value : op.ValueRepr ?? "None";
                Emit("result", found ? $"{_call} returns {returned}." : $"The key is not in the dict: {_call} returns {returned}.",
                    null, _foundSlot, entry, "_Py_dict_lookup");
                break;
            case DictOp.Contains:
                Emit("result", $"{_call} is {(found ? "True" : "False")}.", null, _foundSlot, entry, "_Py_dict_lookup");
                break;
            case DictOp.Delete:
            case DictOp.Pop:
                if (!found)
                {
                    if (op.Op == DictOp.Pop && op.ValueRepr is { } fallback)
                    {
                        Emit("result", $"The key is not in the dict: {_call} returns the default {fallback}.", null, _foundSlot, -1, "_PyDict_Pop_KnownHash");
                    }
                    else
                    {
                        _error = PythonError.KeyError(key);
                    }

                    return;
                }

                var value = _table.ViewAt(entry)!.Value;
                _table.Delete(_foundSlot, entry);
                Changed();
                Emit("delete",
                    $"delitem_common: indices[{_foundSlot}] = DKIX_DUMMY (-2) so later probes keep walking past it, and entries[{entry}] is cleared; used = {_table.Used}, while usable and nentries stay {_table.Usable} and {_table.Nentries}{(op.Op == DictOp.Pop ? $"; pop returns {value}" : "")}.",
                    null, _foundSlot, entry, "delitem_common");
                break;
        }
    }

    private void Insert(DictOperation op, PyValue key, string keyRepr, long hash)
    {
        var valueRepr = op.ValueRepr!;
        var isStr = key is PyStr;
        int slot;
        if (_table.IsSharedEmpty)
        {
            // insert_to_emptydict: the shared empty keys are replaced by a fresh 8-slot keys object.
            _table = DictTable.Fresh(DictTable.LogMinSize, isStr);
            Changed();
            Emit("resize",
                $"insert_to_emptydict: the dict still points at the shared empty keys, so CPython allocates keys of PyDict_MINSIZE = 8 slots ({KindName(_table.Kind)} kind, usable {_table.Usable}).",
                null, -1, -1, "insert_to_emptydict");
            slot = (int)(unchecked((ulong)hash) & 7);
            _probes.Add(slot);
            Emit("probe", $"i = hash & 7 = {slot}: the new table is empty, so the key goes to slot {slot}.", slot, slot, -1, "insert_to_emptydict");
        }
        else
        {
            if (version.AtLeast(11) && _table.Kind == DictKind.Unicode && !isStr)
            {
                // insertdict / PyDict_SetDefault: a non-str key cannot live in DICT_KEYS_UNICODE entries (no me_hash).
                var oldSize = _table.Size;
                _table.Resize(DictTable.Log2For(3L * _table.Used, keysizeQuirk), DictKind.General);
                Changed();
                Emit("kind",
                    $"insertion_resize(mp, 0): {keyRepr} is not a str, so the DICT_KEYS_UNICODE keys are rebuilt as DICT_KEYS_GENERAL (entries gain me_hash) at GROWTH_RATE = used*3 = {3 * _table.Used}, rounded up to a power of two: {oldSize} -> {_table.Size} slots, dummies dropped, usable = {_table.Usable}.",
                    null, -1, -1, "insertion_resize");
            }

            Lookup(key, hash);

            if (_foundEntry >= 0)
            {
                var entry = _foundEntry;
                var stored = _table.ViewAt(entry)!;
                if (op.Op == DictOp.SetDefault)
                {
                    Emit("result", $"The key is already there: {_call} returns {stored.Value} and changes nothing.", null, _foundSlot, entry, "PyDict_SetDefault");
                }
                else
                {
                    // The stored key object stays (an equal key such as 1.0 for 1 does not replace it); only the value changes.
                    _table.SetValue(entry, stored with { Value = valueRepr });
                    Changed();
                    Emit("update", $"The key is already in entries[{entry}]: its value becomes {valueRepr}; the stored key {stored.Key} stays.", null, _foundSlot, entry, "insertdict");
                }

                return;
            }

            if (_table.Usable <= 0)
            {
                var oldSize = _table.Size;
                _table.Resize(DictTable.Log2For(3L * _table.Used, keysizeQuirk), _table.Kind);
                Changed();
                Emit("resize",
                    $"insertion_resize: dk_usable is 0, so dictresize builds keys for GROWTH_RATE = used*3 = {3 * _table.Used}, rounded up to a power of two: {oldSize} -> {_table.Size} slots; the {_table.Used} live entries are copied in order (deleted ones dropped) and the indices rebuilt without dummies; usable = {_table.Usable}.",
                    null, -1, -1, "dictresize");
            }

            if (!version.AtLeast(11) && !isStr && _table.Kind != DictKind.General)
            {
                // 3.10 insertdict: a non-str key switches dk_lookup to the general lookdict, without a resize.
                _table.Kind = DictKind.General;
                Changed();
                Emit("kind", $"{keyRepr} is not a str: 3.10 switches dk_lookup from lookdict_unicode to the general lookdict (the table is not rebuilt).", null, -1, -1, "insertdict");
            }

            // The probes reported for a new key are find_empty_slot's walk to the slot it writes.
            _probes.Clear();
            FindEmptySlot(hash);

            slot = _foundSlot;
        }

        // insertdict / insert_to_emptydict: the index slot is written first, then the entry appended.
        var ix = _table.Nentries;
        _table.SetIndex(slot, ix);
        IndicesChanged();
        Emit("index", null, Facts(DictText.Index) with { Slot = slot, Entry = ix, TouchedSlot = slot }, "insertdict");
        _table.AppendEntry(key, hash, op.Entry!);
        Changed();
        Emit("append", null, Facts(DictText.Append) with { Slot = slot, Entry = ix, TouchedSlot = slot, TouchedEntry = ix }, "insertdict");
    }

    /// <summary><c>_Py_dict_lookup</c>: sets <see cref="_foundSlot"/> and <see cref="_foundEntry"/> (−1 when absent).</summary>
    private void Lookup(PyValue key, long hash)
    {
        var probe = new DictProbeSequence(hash, _table.Mask);
        while (true)
        {
            var slot = probe.Slot;
            _probes.Add(slot);
            var ix = _table.IndexAt(slot);
            if (ix == DictTable.Empty)
            {
                _foundSlot = slot;
                _foundEntry = -1;
                Probe(probe, -1, "probe", ProbeOutcome.NotInDict, "_Py_dict_lookup");
                return;
            }

            if (ix >= 0 && _table.HashAt(ix) == hash && PyEquality.Equal(_table.KeyAt(ix)!, key))
            {
                _foundSlot = slot;
                _foundEntry = ix;
                Probe(probe, ix, "probe", ProbeOutcome.Found, "_Py_dict_lookup");
                return;
            }

            if (ix == DictTable.Dummy)
            {
                Probe(probe, -1, "dummy", ProbeOutcome.DummyPassed, "_Py_dict_lookup");
            }
            else
            {
                Probe(probe, ix, "probe", _table.HashAt(ix) == hash ? ProbeOutcome.SameHashNotEqual : ProbeOutcome.OtherHash, "_Py_dict_lookup");
            }

            probe.Next();
        }
    }

    /// <summary>
    /// <c>find_empty_slot</c>: the first slot of the probe sequence that is empty or, except on free-threaded
    /// builds, a dummy (<c>is_unusable_slot</c> treats DKIX_DUMMY as unusable under <c>Py_GIL_DISABLED</c>, 3.13+).
    /// </summary>
    private void FindEmptySlot(long hash)
    {
        var probe = new DictProbeSequence(hash, _table.Mask);
        while (true)
        {
            var slot = probe.Slot;
            _probes.Add(slot);
            var ix = _table.IndexAt(slot);
            if (ix == DictTable.Empty || (ix == DictTable.Dummy && !FreeThreaded))
            {
                _foundSlot = slot;
                Probe(probe, -1, ix == DictTable.Dummy ? "dummy" : "probe",
                    ix == DictTable.Dummy ? ProbeOutcome.DummyReused : ProbeOutcome.EmptyFree, "find_empty_slot");
                return;
            }

            if (ix == DictTable.Dummy)
            {
                Probe(probe, -1, "dummy", ProbeOutcome.DummyNeverReused, "find_empty_slot");
            }
            else
            {
                Probe(probe, ix, "probe", ProbeOutcome.Occupied, "find_empty_slot");
            }

            probe.Next();
        }
    }

    private void PopItem()
    {
        if (_table.Used == 0)
        {
            _error = new PythonError("KeyError", "'popitem(): dictionary is empty'");
            return;
        }

        var entry = _table.Nentries - 1;
        while (_table.KeyAt(entry) is null)
        {
            entry--;
        }

        var view = _table.ViewAt(entry)!;
        var hash = _table.HashAt(entry);
        _hash = hash;
        Emit("popitem", $"d.popitem(): the last live entry is entries[{entry}] = ({view.Key}, {view.Value}); lookdict_index walks its hash's probe sequence to the slot pointing at it.",
            null, -1, entry, "dict_popitem_impl");

        var probe = new DictProbeSequence(hash, _table.Mask);
        while (true)
        {
            var slot = probe.Slot;
            _probes.Add(slot);
            var ix = _table.IndexAt(slot);
            if (ix == entry)
            {
                Probe(probe, ix, "probe", ProbeOutcome.PopFound, "dict_popitem_impl");
                _table.Delete(slot, entry);
                _table.TruncateEntries(entry);
                Changed();
                Emit("delete",
                    $"indices[{slot}] = DKIX_DUMMY, entries[{entry}] cleared and dk_nentries = {entry} (the next append reuses that entry); usable stays {_table.Usable} because of the dummy; popitem returns ({view.Key}, {view.Value}).",
                    slot, slot, entry, "dict_popitem_impl");
                return;
            }

            Probe(probe, ix >= 0 ? ix : -1, ix == DictTable.Dummy ? "dummy" : "probe", ProbeOutcome.PopNotIt, "dict_popitem_impl");
            probe.Next();
        }
    }

    /// <summary>The step for the slot <paramref name="probe"/> is at; <paramref name="entry"/> (−1 for none) is named by the message and highlighted.</summary>
    private void Probe(in DictProbeSequence probe, int entry, string kind, ProbeOutcome outcome, string function) =>
        Emit(kind, null, Facts(probe.First ? DictText.FirstProbe : DictText.NextProbe) with
        {
            Slot = probe.Slot,
            HasPerturb = true,
            Perturb = probe.Perturb,
            Previous = probe.Previous,
            Outcome = outcome,
            Entry = entry,
            Key = entry >= 0 ? _table.ViewAt(entry)!.Key : null,
            TouchedSlot = probe.Slot,
            TouchedEntry = entry,
        }, function);

    private DictStepFacts Facts(DictText text) => new(_operation, _call, _hash.HasValue, _hash.GetValueOrDefault(), text);

    /// <summary>An index slot changed: a whole small table is snapshot again when a step next needs it.</summary>
    private void IndicesChanged()
    {
        _wholeIndices = null;
        if (_table.Size <= DictStep.WholeTableSlots)
        {
            _header = null;
        }
    }

    /// <summary>The table changed: its counters and both snapshots are made again when a step next needs them.</summary>
    private void Changed()
    {
        _header = null;
        _wholeIndices = null;
        _wholeEntries = null;
    }

    /// <summary>A step whose sentence is <paramref name="message"/>, naming <paramref name="slot"/> in its state.</summary>
    private void Emit(string kind, string message, int? slot, int touchedSlot, int touchedEntry, string? function) =>
        Emit(kind, message, Facts(DictText.Given) with { Slot = slot ?? -1, TouchedSlot = touchedSlot, TouchedEntry = touchedEntry }, function);

    private void Emit(string kind, string? message, in DictStepFacts facts, string? function) =>
        _pending.Add(Make(kind, message, facts, function));

    private Step Make(string kind, string? message, in DictStepFacts facts, string? function)
    {
        var source = Source(function);
        var whole = _table.Size <= DictStep.WholeTableSlots;
        if (_header is null)
        {
            if (whole)
            {
                _wholeIndices ??= Snapshot(_table.Size, _table.IndexAt);
                _wholeEntries ??= Snapshot(_table.Nentries, _table.ViewAt);
            }

            _header = new DictTableHeader(_table.Used, _table.Log2Size, _table.Usable, _table.Nentries, KindName(_table.Kind),
                _table.IndexBytes, _table.SizeOf(version), whole ? _wholeIndices : null, whole ? _wholeEntries : null);
        }

        if (whole)
        {
            return new DictStep(_index++, kind, message, source, facts, _header);
        }

        var (slot, entry) = (facts.TouchedSlot, facts.TouchedEntry);
        return new DictStep(_index++, kind, message, source, facts, _header, _table,
            slot < 0 ? 0 : Math.Max(0, slot - 2), slot < 0 ? 0 : Math.Min(_table.Size, slot + 3),
            entry < 0 ? 0 : Math.Max(0, entry - 1), entry < 0 ? 0 : Math.Min(_table.Nentries, entry + 2));
    }

    private SourceLocation? Source(string? function)
    {
        if (function is null)
        {
            return null;
        }

        ref var source = ref CollectionsMarshal.GetValueRefOrAddDefault(_sources, function, out var known);
        if (!known)
        {
            source = CPythonSource.For(version, function);
        }

        return source;
    }

    private static T[] Snapshot<T>(int length, Func<int, T> item)
    {
        var items = new T[length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = item(i);
        }

        return items;
    }

    private static string KindName(DictKind kind) => kind switch
    {
        DictKind.General => "general",
        DictKind.Unicode => "unicode",
        _ => "split",
    };

    private DictProbingResult BuildResult()
    {
        var entries = Snapshot(_table.Nentries, _table.ViewAt);
        var order = new List<string>(_table.Used);
        foreach (var entry in entries)
        {
            if (entry is { } live)
            {
                order.Add(live.Key);
            }
        }

        return new DictProbingResult(_table.Used, _table.Log2Size, _table.Usable, _table.Nentries, KindName(_table.Kind),
            Snapshot(_table.Size, _table.IndexAt), entries, order, _table.SizeOf(version), _probeLog.ToLists(), _error);
    }
}
