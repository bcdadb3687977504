using System.Globalization;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// Replays the operations on a model of CPython's compact dict (Objects/dictobject.c), yielding a step at each
/// hash, index-slot probe, resize, kind change, index write and entry append. Per-step cost is O(1) once the
/// table has more than 256 slots (the step then carries a window); a resize is one step of O(n) work.
/// </summary>
internal sealed class DictProbingRun(JsonObject canonical, PythonVersion version, IReadOnlyList<DictOperation> operations, bool keysizeQuirk)
    : SimulationRun(canonical)
{
    private const int WholeTableSlots = 256;
    private static readonly string[] NoHighlight = [];

    /// <summary>Immutable highlight lists for the slots of small tables, so most steps allocate none.</summary>
    private static readonly string[][] SlotHighlights = [.. Enumerable.Range(0, WholeTableSlots).Select(i => new[] { $"indices[{i}]" })];

    private readonly List<int> _probes = [];
    private readonly List<IReadOnlyList<int>> _probeLists = new(operations.Count);
    private DictTable _table = DictTable.SharedEmpty(version);
    private DictTableView? _snapshot;
    private DictProbingResult? _result;
    private int _index;
    private int _operation;
    private string _call = "";
    private string? _hashText;
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
            _hashText = null;
            _error = null;
            _probes.Clear();
            foreach (var step in Apply(op))
            {
                yield return step;
            }

            _probeLists.Add(_probes.ToArray());
            if (_error is { } error)
            {
                yield return Make("exception", $"{_call} raises {error.Type}: {error.Message}", null, null, -1, -1, null);
                break;
            }
        }

        _result = BuildResult();
    }

    private IEnumerable<Step> Apply(DictOperation op)
    {
        // Arguments are evaluated before the call; in `d[k] = v` the value is evaluated before the key.
        var first = op.Op == DictOp.Set ? op.Value : op.Key;
        var second = op.Op == DictOp.Set ? op.Key : op.Value;
        if ((first?.Error ?? second?.Error) is { } evaluation)
        {
            _error = evaluation;
            yield break;
        }

        if (op.Op == DictOp.PopItem)
        {
            foreach (var step in PopItem())
            {
                yield return step;
            }

            yield break;
        }

        var key = op.Key!.Value!;
        if (op.Op == DictOp.Pop && _table.Used == 0)
        {
            // _PyDict_Pop answers for an empty dict before hashing the key (so even an unhashable key gives KeyError).
            if (op.ValueRepr is { } fallback)
            {
                yield return Make("result", $"{_call}: the dict is empty, so pop returns the default {fallback} without hashing the key.", null, null, -1, -1, "_PyDict_Pop_KnownHash");
            }
            else
            {
                _error = PythonError.KeyError(key);
            }

            yield break;
        }

        if (op.HashError is { } hashError)
        {
            _error = hashError;
            yield break;
        }

        var hash = op.Hash;
        _hashText = hash.ToString(CultureInfo.InvariantCulture);
        var keyRepr = op.KeyRepr!;
        yield return Make("hash", $"{_call}: hash({keyRepr}) = {_hashText}.", null, null, -1, -1, null);

        switch (op.Op)
        {
            case DictOp.Set:
            case DictOp.SetDefault:
                foreach (var step in Insert(op, key, keyRepr, hash))
                {
                    yield return step;
                }

                break;
            default:
                foreach (var step in Lookup(key, hash))
                {
                    yield return step;
                }

                foreach (var step in AfterLookup(op, key))
                {
                    yield return step;
                }

                break;
        }
    }

    private IEnumerable<Step> AfterLookup(DictOperation op, PyValue key)
    {
        var found = _foundEntry >= 0;
        var entry = _foundEntry;
        switch (op.Op)
        {
            case DictOp.Get:
                var returned = found ? _table.ViewAt(entry)!.Value : op.ValueRepr ?? "None";
                yield return Make("result", found ? $"{_call} returns {returned}." : $"The key is not in the dict: {_call} returns {returned}.",
                    null, null, _foundSlot, entry, "_Py_dict_lookup");
                break;
            case DictOp.Contains:
                yield return Make("result", $"{_call} is {(found ? "True" : "False")}.", null, null, _foundSlot, entry, "_Py_dict_lookup");
                break;
            case DictOp.Delete:
            case DictOp.Pop:
                if (!found)
                {
                    if (op.Op == DictOp.Pop && op.ValueRepr is { } fallback)
                    {
                        yield return Make("result", $"The key is not in the dict: {_call} returns the default {fallback}.", null, null, _foundSlot, -1, "_PyDict_Pop_KnownHash");
                    }
                    else
                    {
                        _error = PythonError.KeyError(key);
                    }

                    yield break;
                }

                var value = _table.ViewAt(entry)!.Value;
                _table.Delete(_foundSlot, entry);
                Changed();
                yield return Make("delete",
                    $"delitem_common: indices[{_foundSlot}] = DKIX_DUMMY (-2) so later probes keep walking past it, and entries[{entry}] is cleared; used = {_table.Used}, while usable and nentries stay {_table.Usable} and {_table.Nentries}{(op.Op == DictOp.Pop ? $"; pop returns {value}" : "")}.",
                    null, null, _foundSlot, entry, "delitem_common");
                break;
        }
    }

    private IEnumerable<Step> Insert(DictOperation op, PyValue key, string keyRepr, long hash)
    {
        var valueRepr = op.ValueRepr!;
        var isStr = key is PyStr;
        int slot;
        if (_table.IsSharedEmpty)
        {
            // insert_to_emptydict: the shared empty keys are replaced by a fresh 8-slot keys object.
            _table = DictTable.Fresh(DictTable.LogMinSize, isStr);
            Changed();
            yield return Make("resize",
                $"insert_to_emptydict: the dict still points at the shared empty keys, so CPython allocates keys of PyDict_MINSIZE = 8 slots ({KindName(_table.Kind)} kind, usable {_table.Usable}).",
                null, null, -1, -1, "insert_to_emptydict");
            slot = (int)(unchecked((ulong)hash) & 7);
            _probes.Add(slot);
            yield return Make("probe", $"i = hash & 7 = {slot}: the new table is empty, so the key goes to slot {slot}.", slot, null, slot, -1, "insert_to_emptydict");
        }
        else
        {
            if (version.AtLeast(11) && _table.Kind == DictKind.Unicode && !isStr)
            {
                // insertdict / PyDict_SetDefault: a non-str key cannot live in DICT_KEYS_UNICODE entries (no me_hash).
                var oldSize = _table.Size;
                _table.Resize(DictTable.Log2For(3L * _table.Used, keysizeQuirk), DictKind.General);
                Changed();
                yield return Make("kind",
                    $"insertion_resize(mp, 0): {keyRepr} is not a str, so the DICT_KEYS_UNICODE keys are rebuilt as DICT_KEYS_GENERAL (entries gain me_hash) at GROWTH_RATE = used*3 = {3 * _table.Used}, rounded up to a power of two: {oldSize} -> {_table.Size} slots, dummies dropped, usable = {_table.Usable}.",
                    null, null, -1, -1, "insertion_resize");
            }

            foreach (var step in Lookup(key, hash))
            {
                yield return step;
            }

            if (_foundEntry >= 0)
            {
                var entry = _foundEntry;
                var stored = _table.ViewAt(entry)!;
                if (op.Op == DictOp.SetDefault)
                {
                    yield return Make("result", $"The key is already there: {_call} returns {stored.Value} and changes nothing.", null, null, _foundSlot, entry, "PyDict_SetDefault");
                }
                else
                {
                    // The stored key object stays (an equal key such as 1.0 for 1 does not replace it); only the value changes.
                    _table.SetValue(entry, stored with { Value = valueRepr });
                    Changed();
                    yield return Make("update", $"The key is already in entries[{entry}]: its value becomes {valueRepr}; the stored key {stored.Key} stays.", null, null, _foundSlot, entry, "insertdict");
                }

                yield break;
            }

            if (_table.Usable <= 0)
            {
                var oldSize = _table.Size;
                _table.Resize(DictTable.Log2For(3L * _table.Used, keysizeQuirk), _table.Kind);
                Changed();
                yield return Make("resize",
                    $"insertion_resize: dk_usable is 0, so dictresize builds keys for GROWTH_RATE = used*3 = {3 * _table.Used}, rounded up to a power of two: {oldSize} -> {_table.Size} slots; the {_table.Used} live entries are copied in order (deleted ones dropped) and the indices rebuilt without dummies; usable = {_table.Usable}.",
                    null, null, -1, -1, "dictresize");
            }

            if (!version.AtLeast(11) && !isStr && _table.Kind != DictKind.General)
            {
                // 3.10 insertdict: a non-str key switches dk_lookup to the general lookdict, without a resize.
                _table.Kind = DictKind.General;
                Changed();
                yield return Make("kind", $"{keyRepr} is not a str: 3.10 switches dk_lookup from lookdict_unicode to the general lookdict (the table is not rebuilt).", null, null, -1, -1, "insertdict");
            }

            // The probes reported for a new key are find_empty_slot's walk to the slot it writes.
            _probes.Clear();
            foreach (var step in FindEmptySlot(hash))
            {
                yield return step;
            }

            slot = _foundSlot;
        }

        // insertdict / insert_to_emptydict: the index slot is written first, then the entry appended.
        var ix = _table.Nentries;
        _table.SetIndex(slot, ix);
        Changed();
        yield return Make("index", $"indices[{slot}] = {ix}: the slot now points at entry {ix}.", slot, null, slot, -1, "insertdict");
        _table.AppendEntry(key, hash, new DictEntryView(keyRepr, _hashText!, valueRepr));
        Changed();
        yield return Make("append", $"entries[{ix}] = ({keyRepr}, {valueRepr}), appended in insertion order; used = {_table.Used}, usable = {_table.Usable}, nentries = {_table.Nentries}.",
            slot, null, slot, ix, "insertdict");
    }

    /// <summary><c>_Py_dict_lookup</c>: sets <see cref="_foundSlot"/> and <see cref="_foundEntry"/> (−1 when absent).</summary>
    private IEnumerable<Step> Lookup(PyValue key, long hash)
    {
        var mask = (ulong)_table.Mask;
        var perturb = unchecked((ulong)hash);
        var i = perturb & mask;
        var previous = 0UL;
        var first = true;
        while (true)
        {
            var slot = (int)i;
            _probes.Add(slot);
            var ix = _table.IndexAt(slot);
            if (ix == DictTable.Empty)
            {
                _foundSlot = slot;
                _foundEntry = -1;
                yield return Probe(first, previous, perturb, slot, -1, "probe", "is empty (DKIX_EMPTY): the key is not in the dict", "_Py_dict_lookup");
                yield break;
            }

            if (ix >= 0 && _table.HashAt(ix) == hash && PyEquality.Equal(_table.KeyAt(ix)!, key))
            {
                _foundSlot = slot;
                _foundEntry = ix;
                yield return Probe(first, previous, perturb, slot, ix, "probe", $"holds entry {ix}, {_table.ViewAt(ix)!.Key}: same hash and equal, found", "_Py_dict_lookup");
                yield break;
            }

            yield return ix == DictTable.Dummy
                ? Probe(first, previous, perturb, slot, -1, "dummy", "holds DKIX_DUMMY (a deleted key): keep probing", "_Py_dict_lookup")
                : Probe(first, previous, perturb, slot, ix, "probe", $"holds entry {ix}, {_table.ViewAt(ix)!.Key}: {(_table.HashAt(ix) == hash ? "same hash but not equal" : "another hash")}, keep probing", "_Py_dict_lookup");
            first = false;
            previous = i;
            perturb >>= DictTable.PerturbShift;
            i = unchecked((i * 5) + perturb + 1) & mask;
        }
    }

    /// <summary>
    /// <c>find_empty_slot</c>: the first slot of the probe sequence that is empty or, except on free-threaded
    /// builds, a dummy (<c>is_unusable_slot</c> treats DKIX_DUMMY as unusable under <c>Py_GIL_DISABLED</c>, 3.13+).
    /// </summary>
    private IEnumerable<Step> FindEmptySlot(long hash)
    {
        var mask = (ulong)_table.Mask;
        var perturb = unchecked((ulong)hash);
        var i = perturb & mask;
        var previous = 0UL;
        var first = true;
        while (true)
        {
            var slot = (int)i;
            _probes.Add(slot);
            var ix = _table.IndexAt(slot);
            if (ix == DictTable.Empty || (ix == DictTable.Dummy && !FreeThreaded))
            {
                _foundSlot = slot;
                yield return Probe(first, previous, perturb, slot, -1, ix == DictTable.Dummy ? "dummy" : "probe",
                    ix == DictTable.Dummy ? "holds a dummy: find_empty_slot reuses it" : "is empty: the new key goes here", "find_empty_slot");
                yield break;
            }

            yield return ix == DictTable.Dummy
                ? Probe(first, previous, perturb, slot, -1, "dummy", "holds a dummy, which the free-threaded build never reuses: keep probing", "find_empty_slot")
                : Probe(first, previous, perturb, slot, ix, "probe", $"holds entry {ix}: keep probing", "find_empty_slot");
            first = false;
            previous = i;
            perturb >>= DictTable.PerturbShift;
            i = unchecked((i * 5) + perturb + 1) & mask;
        }
    }

    private IEnumerable<Step> PopItem()
    {
        if (_table.Used == 0)
        {
            _error = new PythonError("KeyError", "'popitem(): dictionary is empty'");
            yield break;
        }

        var entry = _table.Nentries - 1;
        while (_table.KeyAt(entry) is null)
        {
            entry--;
        }

        var view = _table.ViewAt(entry)!;
        var hash = _table.HashAt(entry);
        _hashText = view.Hash;
        yield return Make("popitem", $"d.popitem(): the last live entry is entries[{entry}] = ({view.Key}, {view.Value}); lookdict_index walks its hash's probe sequence to the slot pointing at it.",
            null, null, -1, entry, "dict_popitem_impl");

        var mask = (ulong)_table.Mask;
        var perturb = unchecked((ulong)hash);
        var i = perturb & mask;
        var previous = 0UL;
        var first = true;
        while (true)
        {
            var slot = (int)i;
            _probes.Add(slot);
            var ix = _table.IndexAt(slot);
            if (ix == entry)
            {
                yield return Probe(first, previous, perturb, slot, ix, "probe", $"points at entry {entry}: found", "dict_popitem_impl");
                _table.Delete(slot, entry);
                _table.TruncateEntries(entry);
                Changed();
                yield return Make("delete",
                    $"indices[{slot}] = DKIX_DUMMY, entries[{entry}] cleared and dk_nentries = {entry} (the next append reuses that entry); usable stays {_table.Usable} because of the dummy; popitem returns ({view.Key}, {view.Value}).",
                    slot, null, slot, entry, "dict_popitem_impl");
                yield break;
            }

            yield return Probe(first, previous, perturb, slot, ix >= 0 ? ix : -1, ix == DictTable.Dummy ? "dummy" : "probe", "is not it: keep probing", "dict_popitem_impl");
            first = false;
            previous = i;
            perturb >>= DictTable.PerturbShift;
            i = unchecked((i * 5) + perturb + 1) & mask;
        }
    }

    private Step Probe(bool first, ulong previous, ulong perturb, int slot, int entry, string kind, string what, string function)
    {
        var mask = _table.Mask;
        // In round 0 perturb is the hash itself (as unsigned): reuse its text when the hash is not negative.
        var perturbText = first && _hashText is not null && _hashText[0] != '-' ? _hashText : perturb.ToString(CultureInfo.InvariantCulture);
        var message = first
            ? $"i = hash & {mask} = {slot}: indices[{slot}] {what}."
            : $"perturb >>= 5 -> {perturbText}; i = (i*5 + perturb + 1) & {mask} = ({previous}*5 + {perturbText} + 1) & {mask} = {slot}: indices[{slot}] {what}.";
        return Make(kind, message, slot, perturbText, slot, entry, function);
    }

    private void Changed() => _snapshot = null;

    private Step Make(string kind, string message, int? slot, string? perturb, int touchedSlot, int touchedEntry, string? function)
    {
        var highlight = touchedSlot < 0
            ? (touchedEntry < 0 ? NoHighlight : [$"entries[{touchedEntry}]"])
            : touchedEntry >= 0 ? [$"indices[{touchedSlot}]", $"entries[{touchedEntry}]"]
            : touchedSlot < WholeTableSlots ? SlotHighlights[touchedSlot] : [$"indices[{touchedSlot}]"];
        var state = new DictStepState(_operation, _call, _hashText, slot, perturb, View(touchedSlot, touchedEntry));
        return new Step(_index++, kind, message, state, highlight, CPythonSource.For(version, function));
    }

    private DictTableView View(int slot, int entry)
    {
        if (_table.Size <= WholeTableSlots)
        {
            return _snapshot ??= Window(0, _table.Size, 0, _table.Nentries);
        }

        var indicesFrom = slot < 0 ? 0 : Math.Max(0, slot - 2);
        var indicesTo = slot < 0 ? 0 : Math.Min(_table.Size, slot + 3);
        var entriesFrom = entry < 0 ? 0 : Math.Max(0, entry - 1);
        var entriesTo = entry < 0 ? 0 : Math.Min(_table.Nentries, entry + 2);
        return Window(indicesFrom, indicesTo, entriesFrom, entriesTo);
    }

    private DictTableView Window(int indicesFrom, int indicesTo, int entriesFrom, int entriesTo)
    {
        var indices = indicesTo > indicesFrom ? new int[indicesTo - indicesFrom] : [];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = _table.IndexAt(indicesFrom + i);
        }

        var entries = entriesTo > entriesFrom ? new DictEntryView?[entriesTo - entriesFrom] : [];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _table.ViewAt(entriesFrom + i);
        }

        return new DictTableView(_table.Used, _table.Log2Size, _table.Usable, _table.Nentries, KindName(_table.Kind), _table.IndexBytes,
            _table.SizeOf(version), indicesFrom, indices, entriesFrom, entries);
    }

    private static string KindName(DictKind kind) => kind switch
    {
        DictKind.General => "general",
        DictKind.Unicode => "unicode",
        _ => "split",
    };

    private DictProbingResult BuildResult()
    {
        var indices = new int[_table.Size];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = _table.IndexAt(i);
        }

        var entries = new DictEntryView?[_table.Nentries];
        var order = new List<string>(_table.Used);
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _table.ViewAt(i);
            if (entries[i] is { } live)
            {
                order.Add(live.Key);
            }
        }

        return new DictProbingResult(_table.Used, _table.Log2Size, _table.Usable, _table.Nentries, KindName(_table.Kind), indices, entries, order,
            _table.SizeOf(version), _probeLists, _error);
    }
}
