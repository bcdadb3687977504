using System.Globalization;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Sets;

/// <summary>
/// Replays the operations on a <see cref="SetTable"/> (Objects/setobject.c), turning each of its events into a
/// step: hashes, probes (9 linear probes then perturbation), stores into empty slots or reused dummies, dummies
/// left by discard/remove/pop, and resizes.
/// </summary>
internal sealed class SetProbingRun(JsonObject canonical, PythonVersion version, IReadOnlyList<SetOperation> operations) : SimulationRun(canonical)
{
    private const int WholeTableSlots = 256;
    private const string DummyText = "<dummy>";
    private static readonly string[] NoHighlight = [];

    private readonly SetTable _table = new();
    private readonly List<int> _probes = [];
    private readonly ProbeLog _probeLog = new(operations.Count);
    private readonly List<Step> _pending = [];
    private readonly Dictionary<PyValue, string> _reprs = new(ReferenceEqualityComparer.Instance);
    private string?[] _cells = new string?[SetTable.MinSize];
    private SetTableView? _snapshot;
    private SetProbingResult? _result;
    private SetOp _op;
    private int _index;
    private int _operation;
    private string _call = "";
    private string? _hashText;
    private PythonError? _error;

    public override object Result => _result ?? throw new InvalidOperationException("Enumerate Steps() first.");

    public override IEnumerable<Step> Steps()
    {
        _table.OnEvent = OnTableEvent;
        for (var k = 0; k < operations.Count; k++)
        {
            var op = operations[k];
            _operation = k;
            _op = op.Op;
            _call = op.Call;
            _hashText = null;
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
                yield return Make("exception", $"{_call} raises {error.Type}: {error.Message}", -1, null);
                break;
            }
        }

        _table.OnEvent = null;
        _result = BuildResult();
    }

    private void Apply(SetOperation op)
    {
        if (op.Op == SetOp.Pop)
        {
            if (_table.Pop(_probes) is not { } popped)
            {
                _error = new PythonError("KeyError", "'pop from an empty set'");
            }
            else
            {
                _pending.Add(Make("result", $"s.pop() returns {Repr(popped.Key)}.", popped.Slot, "set_pop"));
            }

            return;
        }

        if (op.Key!.Error is { } evaluation)
        {
            _error = evaluation;
            return;
        }

        var key = op.Key.Value!;
        var hash = op.Hash;
        if (op.HashError is { } hashError)
        {
            if (op.Frozen is not { } frozen)
            {
                _error = hashError;
                return;
            }

            // set_contains / set_discard / set_remove: a set key raises TypeError when hashed, so CPython retries
            // with frozenset(key), whose hash it can compute.
            _pending.Add(Make("frozenset", $"{_call}: {key.Repr()} is a set, unhashable, so CPython retries with {frozen.Repr()}.", -1, "set_discard_entry"));
            key = frozen;
            hash = op.FrozenHash;
        }

        _hashText = hash.ToString(CultureInfo.InvariantCulture);
        _pending.Add(Make("hash", $"{_call}: hash({key.Repr()}) = {_hashText}.", -1, null));
        switch (op.Op)
        {
            case SetOp.Add:
                if (!_table.Add(key, hash, _probes))
                {
                    _pending.Add(Make("result", "The key is already in the set: nothing changes.", -1, "set_add_entry"));
                }

                break;
            case SetOp.Contains:
                var found = _table.Lookup(key, hash, _probes);
                _pending.Add(Make("result", $"{_call} is {(found is null ? "False" : "True")}.", found ?? -1, "set_lookkey"));
                break;
            default:
                if (_table.Lookup(key, hash, _probes) is { } slot)
                {
                    _table.MakeDummy(slot);
                }
                else if (op.Op == SetOp.Remove)
                {
                    _error = PythonError.KeyError(op.Key.Value!);
                }
                else
                {
                    _pending.Add(Make("result", "The key is not in the set: discard does nothing.", -1, "set_discard_entry"));
                }

                break;
        }
    }

    private void OnTableEvent(SetTableEvent e)
    {
        var mask = _table.Mask;
        var function = _op switch
        {
            SetOp.Add => "set_add_entry",
            SetOp.Pop => "set_pop",
            _ => "set_lookkey",
        };
        switch (e.Kind)
        {
            case SetTableEventKind.ProbeEmpty:
            case SetTableEventKind.ProbeDummy:
            case SetTableEventKind.ProbeMatch:
            case SetTableEventKind.ProbeOther:
                var what = e.Kind switch
                {
                    SetTableEventKind.ProbeEmpty => "is empty: the search stops",
                    SetTableEventKind.ProbeDummy => _op == SetOp.Add ? "holds a dummy: remember it as freeslot and keep probing" : "holds a dummy: keep probing",
                    SetTableEventKind.ProbeMatch => "holds an equal key (same hash, ==)",
                    _ => $"holds {_cells[e.Slot]}: keep probing",
                };
                var perturb = e.Perturb.ToString(CultureInfo.InvariantCulture);
                var message = (e.Round, e.Offset) switch
                {
                    (0, 0) => $"i = hash & {mask} = {e.Slot}: slot {e.Slot} {what}.",
                    (_, 0) => $"perturb >>= 5 -> {perturb}; i = (i*5 + 1 + perturb) & {mask} = ({e.Previous}*5 + 1 + {perturb}) & {mask} = {e.Slot}: slot {e.Slot} {what}.",
                    _ => $"linear probe {e.Offset}: slot {e.Start} + {e.Offset} = {e.Slot} {what}.",
                };
                _pending.Add(Make(e.Kind == SetTableEventKind.ProbeDummy ? "dummy" : "probe", message, e.Slot, function,
                    e.Start.ToString(CultureInfo.InvariantCulture), e.Offset, perturb));
                break;
            case SetTableEventKind.StoreEmpty:
            case SetTableEventKind.StoreDummy:
                _cells[e.Slot] = Repr(_table.KeyAt(e.Slot)!);
                _snapshot = null;
                _pending.Add(Make(e.Kind == SetTableEventKind.StoreEmpty ? "store" : "reuse-dummy",
                    e.Kind == SetTableEventKind.StoreEmpty
                        ? $"Store {_cells[e.Slot]} in empty slot {e.Slot}: fill = {_table.Fill}, used = {_table.Used}."
                        : $"Store {_cells[e.Slot]} in slot {e.Slot}, the last dummy seen on the way: used = {_table.Used}, fill stays {_table.Fill}.",
                    e.Slot, "set_add_entry"));
                if (e.Kind == SetTableEventKind.StoreEmpty && (long)_table.Fill * 5 >= (long)mask * 3)
                {
                    _pending.Add(Make("load", $"fill*5 = {_table.Fill * 5} >= mask*3 = {mask * 3}: the table is too full and must grow.", e.Slot, "set_add_entry"));
                }

                break;
            case SetTableEventKind.Discard:
            case SetTableEventKind.Pop:
                var was = _cells[e.Slot];
                _cells[e.Slot] = DummyText;
                _snapshot = null;
                _pending.Add(Make("dummy-left",
                    e.Kind == SetTableEventKind.Discard
                        ? $"Slot {e.Slot} ({was}) becomes a dummy so later probes keep walking past it: used = {_table.Used}, fill stays {_table.Fill}."
                        : $"Take {was} from slot {e.Slot}, leaving a dummy; the finger moves to {_table.Finger}; used = {_table.Used}, fill stays {_table.Fill}.",
                    e.Slot, e.Kind == SetTableEventKind.Discard ? "set_discard_entry" : "set_pop"));
                break;
            case SetTableEventKind.PopSkip:
                _pending.Add(Make("probe", $"Slot {e.Slot} is {(_cells[e.Slot] is null ? "empty" : "a dummy")}: set_pop moves on.", e.Slot, "set_pop"));
                break;
            case SetTableEventKind.Resize:
                RebuildCells();
                _pending.Add(Make("resize",
                    $"set_table_resize(minused = {e.Offset}, i.e. used*{(_table.Used > 50000 ? 2 : 4)}): the smallest power of two above it, {e.Start} slots (was {e.Slot}); the keys are reinserted in table order with set_insert_clean and the dummies dropped: fill = used = {_table.Used}.",
                    -1, "set_table_resize"));
                break;
        }
    }

    private void RebuildCells()
    {
        _cells = new string?[_table.Mask + 1];
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i] = _table.IsDummy(i) ? DummyText : _table.KeyAt(i) is { } key ? Repr(key) : null;
        }

        _snapshot = null;
    }

    private string Repr(PyValue key)
    {
        if (!_reprs.TryGetValue(key, out var text))
        {
            text = key.Repr();
            _reprs[key] = text;
        }

        return text;
    }

    private Step Make(string kind, string message, int slot, string? function, string? start = null, int? offset = null, string? perturb = null)
    {
        var state = new SetStepState(_operation, _call, _hashText, slot < 0 ? null : slot, start, offset, perturb, View(slot));
        IReadOnlyList<string> highlight = slot < 0 ? NoHighlight : [$"table[{slot}]"];
        return new Step(_index++, kind, message, state, highlight, CPythonSource.For(version, function));
    }

    private SetTableView View(int slot)
    {
        var size = _table.Mask + 1;
        if (size <= WholeTableSlots)
        {
            return _snapshot ??= Window(0, size);
        }

        return slot < 0 ? Window(0, 0) : Window(Math.Max(0, slot - 2), Math.Min(size, slot + 3));
    }

    private SetTableView Window(int from, int to) =>
        new(_table.Mask, _table.Fill, _table.Used, _table.Finger, SizeOf(), from, _cells.AsSpan(from, to - from).ToArray());

    /// <summary>
    /// <c>sys.getsizeof(s)</c>: <c>set_sizeof</c> (the 200-byte PySetObject with its 8-slot smalltable, plus 16 bytes
    /// per slot once the table is malloc'ed) and the 16-byte GC pre-header. Free-threaded builds have a 32-byte
    /// object header and no GC pre-header, so the total is the same.
    /// </summary>
    private long SizeOf()
    {
        var size = _table.Mask + 1;
        return 216 + (size > SetTable.MinSize ? size * 16L : 0);
    }

    private SetProbingResult BuildResult()
    {
        var order = new List<string>(_table.Used);
        foreach (var cell in _cells)
        {
            if (cell is not null && cell != DummyText)
            {
                order.Add(cell);
            }
        }

        return new SetProbingResult(_table.Mask, _table.Fill, _table.Used, [.. _cells], order, SizeOf(), _probeLog.ToLists(), _error);
    }
}
