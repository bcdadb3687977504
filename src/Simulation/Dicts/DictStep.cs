using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// A <c>dict-probing</c> step kept as the numbers it is made of: one object, no strings. Its message,
/// <see cref="DictStepState"/> and highlight are made when read, or written straight to JSON; a test holds the written
/// bytes equal to the serialized parts. The table is either the whole keys object (shared by the steps between two
/// changes, held by its header) or, above <see cref="WholeTableSlots"/> slots, windows of at most five index slots and three entries
/// around the ones the step touches.
/// </summary>
internal sealed class DictStep : Step
{
    public const int WholeTableSlots = 256;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly DictStepFacts _facts;
    private readonly DictTableHeader _header;
    private readonly int _indicesFrom;
    private readonly int _entriesFrom;
    private readonly byte _indicesCount;
    private readonly byte _entriesCount;
    private readonly IndexWindow _indices;
    private readonly EntryWindow _entries;

    /// <summary>A step of a table of at most <see cref="WholeTableSlots"/> slots, which <paramref name="header"/> carries whole.</summary>
    public DictStep(int index, string kind, string? message, SourceLocation? source, in DictStepFacts facts, DictTableHeader header)
        : base(index, kind, message, source)
    {
        _facts = facts;
        _header = header;
    }

    /// <summary>A step of a larger table, carrying the windows <c>[indicesFrom, indicesTo)</c> and <c>[entriesFrom, entriesTo)</c>.</summary>
    public DictStep(int index, string kind, string? message, SourceLocation? source, in DictStepFacts facts, DictTableHeader header,
        DictTable table, int indicesFrom, int indicesTo, int entriesFrom, int entriesTo)
        : this(index, kind, message, source, facts, header)
    {
        _indicesFrom = indicesFrom;
        _indicesCount = (byte)(indicesTo - indicesFrom);
        for (var i = 0; i < _indicesCount; i++)
        {
            _indices[i] = table.IndexAt(indicesFrom + i);
        }

        _entriesFrom = entriesFrom;
        _entriesCount = (byte)(entriesTo - entriesFrom);
        for (var i = 0; i < _entriesCount; i++)
        {
            _entries[i] = table.ViewAt(entriesFrom + i);
        }
    }

    public override object? State => new DictStepState(_facts.Operation, _facts.Call, _facts.HasHash ? _facts.Hash.ToString(Invariant) : null, _facts.Slot < 0 ? null : _facts.Slot,
        _facts.HasPerturb ? _facts.Perturb.ToString(Invariant) : null,
        new DictTableView(_header.Used, _header.Log2Size, _header.Usable, _header.Nentries, _header.Kind, _header.IndexBytes, _header.Getsizeof,
            _indicesFrom, _header.Indices ?? _indices[.._indicesCount].ToArray(), _entriesFrom, _header.Entries ?? _entries[.._entriesCount].ToArray()));

    public override IReadOnlyList<string> Highlight
    {
        get
        {
            var (slot, entry) = (_facts.TouchedSlot, _facts.TouchedEntry);
            return slot < 0
                ? entry < 0 ? [] : [$"entries[{entry}]"]
                : entry < 0 ? [$"indices[{slot}]"] : [$"indices[{slot}]", $"entries[{entry}]"];
        }
    }

    protected override bool TryFormatMessage(Span<char> destination, out int written)
    {
        var facts = _facts;
        switch (facts.Text)
        {
            case DictText.Hash:
                return destination.TryWrite(Invariant, $"{facts.Call}: hash({facts.Key}) = {facts.Hash}.", out written);
            case DictText.Index:
                return destination.TryWrite(Invariant, $"indices[{facts.Slot}] = {facts.Entry}: the slot now points at entry {facts.Entry}.", out written);
            case DictText.Append:
                var appended = _header.Entries?[facts.Entry] ?? _entries[facts.Entry - _entriesFrom]!;
                return destination.TryWrite(Invariant,
                    $"entries[{facts.Entry}] = ({appended.Key}, {appended.Value}), appended in insertion order; used = {_header.Used}, usable = {_header.Usable}, nentries = {_header.Nentries}.",
                    out written);
            default:
                return TryFormatProbe(destination, out written);
        }
    }

    private bool TryFormatProbe(Span<char> destination, out int written)
    {
        var facts = _facts;
        var mask = (1 << _header.Log2Size) - 1;
        var slot = facts.Slot;
        var fits = facts.Text == DictText.FirstProbe
            ? destination.TryWrite(Invariant, $"i = hash & {mask} = {slot}: indices[{slot}] ", out written)
            : destination.TryWrite(Invariant,
                $"perturb >>= 5 -> {facts.Perturb}; i = (i*5 + perturb + 1) & {mask} = ({facts.Previous}*5 + {facts.Perturb} + 1) & {mask} = {slot}: indices[{slot}] ",
                out written);
        if (!fits)
        {
            return false;
        }

        var rest = destination[written..];
        var entry = facts.Entry;
        var key = facts.Key;
        int more;
        fits = facts.Outcome switch
        {
            ProbeOutcome.NotInDict => rest.TryWrite(Invariant, $"is empty (DKIX_EMPTY): the key is not in the dict.", out more),
            ProbeOutcome.Found => rest.TryWrite(Invariant, $"holds entry {entry}, {key}: same hash and equal, found.", out more),
            ProbeOutcome.DummyPassed => rest.TryWrite(Invariant, $"holds DKIX_DUMMY (a deleted key): keep probing.", out more),
            ProbeOutcome.SameHashNotEqual => rest.TryWrite(Invariant, $"holds entry {entry}, {key}: same hash but not equal, keep probing.", out more),
            ProbeOutcome.OtherHash => rest.TryWrite(Invariant, $"holds entry {entry}, {key}: another hash, keep probing.", out more),
            ProbeOutcome.DummyReused => rest.TryWrite(Invariant, $"holds a dummy: find_empty_slot reuses it.", out more),
            ProbeOutcome.EmptyFree => rest.TryWrite(Invariant, $"is empty: the new key goes here.", out more),
            ProbeOutcome.DummyNeverReused => rest.TryWrite(Invariant, $"holds a dummy, which the free-threaded build never reuses: keep probing.", out more),
            ProbeOutcome.Occupied => rest.TryWrite(Invariant, $"holds entry {entry}: keep probing.", out more),
            ProbeOutcome.PopFound => rest.TryWrite(Invariant, $"points at entry {entry}: found.", out more),
            _ => rest.TryWrite(Invariant, $"is not it: keep probing.", out more),
        };
        written += more;
        return fits;
    }

    /// <summary>The step's JSON written by hand in one piece (<see cref="RawJson"/>): the hot path of storing a trace.</summary>
    public override void WriteTo(Utf8JsonWriter writer)
    {
        var facts = _facts;
        var json = new RawJson(1024);
        json.Number("{\"index\":"u8, Index);
        json.String(",\"kind\":"u8, Kind);
        json.Raw(",\"message\":"u8);
        if (facts.Text == DictText.Given)
        {
            json.String(Message);
        }
        else
        {
            var message = FormatMessage(out var length);
            json.String(message.AsSpan(0, length));
            System.Buffers.ArrayPool<char>.Shared.Return(message);
        }

        json.Number(",\"state\":{\"operation\":"u8, facts.Operation);
        json.String(",\"call\":"u8, facts.Call);
        json.Raw(",\"hash\":"u8);
        if (facts.HasHash)
        {
            json.QuotedNumber(facts.Hash);
        }
        else
        {
            json.Raw("null"u8);
        }

        json.Raw(",\"slot\":"u8);
        if (facts.Slot < 0)
        {
            json.Raw("null"u8);
        }
        else
        {
            json.Number(facts.Slot);
        }

        json.Raw(",\"perturb\":"u8);
        if (facts.HasPerturb)
        {
            json.QuotedNumber(facts.Perturb);
        }
        else
        {
            json.Raw("null"u8);
        }

        var header = _header;
        json.Number(",\"table\":{\"used\":"u8, header.Used);
        json.Number(",\"log2Size\":"u8, header.Log2Size);
        json.Number(",\"usable\":"u8, header.Usable);
        json.Number(",\"nentries\":"u8, header.Nentries);
        json.String(",\"kind\":"u8, header.Kind);
        json.Number(",\"indexBytes\":"u8, header.IndexBytes);
        json.Number(",\"getsizeof\":"u8, header.Getsizeof);
        json.Number(",\"indicesFrom\":"u8, _indicesFrom);
        json.Raw(",\"indices\":["u8);
        var first = true;
        foreach (var ix in header.Indices is { } indices ? indices : _indices[.._indicesCount])
        {
            json.Raw(first ? ""u8 : ","u8);
            json.Number(ix);
            first = false;
        }

        json.Number("],\"entriesFrom\":"u8, _entriesFrom);
        json.Raw(",\"entries\":["u8);
        first = true;
        foreach (var entry in header.Entries is { } entries ? entries : _entries[.._entriesCount])
        {
            json.Raw(first ? ""u8 : ","u8);
            first = false;
            if (entry is null)
            {
                json.Raw("null"u8);
                continue;
            }

            json.String("{\"key\":"u8, entry.Key);
            json.QuotedNumber(",\"hash\":"u8, entry.Hash);
            json.String(",\"value\":"u8, entry.Value);
            json.Raw("}"u8);
        }

        json.Raw("]}},\"highlight\":["u8);
        if (facts.TouchedSlot >= 0)
        {
            json.Number("\"indices["u8, facts.TouchedSlot);
            json.Raw(facts.TouchedEntry >= 0 ? "]\","u8 : "]\""u8);
        }

        if (facts.TouchedEntry >= 0)
        {
            json.Number("\"entries["u8, facts.TouchedEntry);
            json.Raw("]\""u8);
        }

        json.Raw("],\"source\":"u8);
        if (Source is { } source)
        {
            json.String("{\"file\":"u8, source.File);
            json.String(",\"function\":"u8, source.Function);
            json.Number(",\"line\":"u8, source.Line);
            json.String(",\"url\":"u8, source.Url);
            json.Raw("}"u8);
        }
        else
        {
            json.Raw("null"u8);
        }

        json.Raw("}"u8);
        writer.WriteRawValue(json.Written, skipInputValidation: true);
        json.Dispose();
    }

    [InlineArray(5)]
    private struct IndexWindow
    {
        private int _slot;
    }

    [InlineArray(3)]
    private struct EntryWindow
    {
        private DictEntryView? _entry;
    }
}

/// <summary>
/// The keys object's counters at a step, and for a table of at most <see cref="DictStep.WholeTableSlots"/> slots its
/// indices and entries whole; one instance is shared by the steps between two changes.
/// </summary>
internal sealed record DictTableHeader(
    int Used, int Log2Size, int Usable, int Nentries, string Kind, int IndexBytes, long Getsizeof, int[]? Indices, DictEntryView?[]? Entries);

/// <summary>Which sentence a <see cref="DictStep"/> says; <see cref="Given"/> when the step carries its message as text.</summary>
internal enum DictText : byte
{
    Given,
    Hash,
    FirstProbe,
    NextProbe,
    Index,
    Append,
}

/// <summary>What a probed index slot turned out to hold, for the lookup or search that probed it.</summary>
internal enum ProbeOutcome : byte
{
    NotInDict,
    Found,
    DummyPassed,
    SameHashNotEqual,
    OtherHash,
    DummyReused,
    EmptyFree,
    DummyNeverReused,
    Occupied,
    PopFound,
    PopNotIt,
}

/// <summary>
/// The numbers a <see cref="DictStep"/> is made of. <see cref="Hash"/> is the operation's key hash when
/// <see cref="HasHash"/>; <see cref="Slot"/> is the slot the state names (−1 for none);
/// <see cref="Perturb"/> is the probe's perturb when <see cref="HasPerturb"/>; <see cref="Entry"/> the entry the
/// message names; <see cref="Key"/> the key repr it names; <see cref="TouchedSlot"/> and <see cref="TouchedEntry"/>
/// (−1 for none) what the step highlights.
/// </summary>
internal readonly record struct DictStepFacts(
    int Operation,
    string Call,
    bool HasHash,
    long Hash,
    DictText Text,
    int Slot = -1,
    bool HasPerturb = false,
    ulong Perturb = 0,
    ulong Previous = 0,
    ProbeOutcome Outcome = ProbeOutcome.NotInDict,
    int Entry = -1,
    string? Key = null,
    int TouchedSlot = -1,
    int TouchedEntry = -1);
