using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Dicts;

/// <summary>
/// The keys object of a combined CPython dict (Objects/dictobject.c, 64-bit build): <c>dk_log2_size</c>,
/// <c>dk_indices</c> (each −1 <c>DKIX_EMPTY</c>, −2 <c>DKIX_DUMMY</c> or an entry index), the entries in insertion
/// order (a deleted entry is null), <c>dk_usable</c> and <c>dk_nentries</c>, plus the dict's <c>ma_used</c>.
/// Mutations are O(1) except <see cref="Resize"/>; views are built by the caller.
/// </summary>
internal sealed class DictTable
{
    public const int Empty = -1;
    public const int Dummy = -2;
    public const int LogMinSize = 3;
    public const int PerturbShift = 5;

    private int[] _indices;
    private PyValue?[] _keys;
    private long[] _hashes;
    private DictEntryView?[] _views;

    private DictTable(int log2Size, DictKind kind, bool sharedEmpty)
    {
        Log2Size = log2Size;
        Kind = kind;
        IsSharedEmpty = sharedEmpty;
        var size = 1 << log2Size;
        _indices = new int[size];
        Array.Fill(_indices, Empty);
        var capacity = sharedEmpty ? 0 : UsableFraction(size);
        _keys = new PyValue?[capacity];
        _hashes = new long[capacity];
        _views = new DictEntryView?[capacity];
        Usable = capacity;
    }

    /// <summary>
    /// <c>Py_EMPTY_KEYS</c>, what <c>d = {}</c> points at: one index slot, no usable entry (<c>empty_keys_struct</c>;
    /// <c>dk_size</c> 1 in 3.10, <c>dk_log2_size</c> 0 from 3.11). Its kind is <c>DICT_KEYS_UNICODE</c> from 3.11;
    /// in 3.10 its lookup function is <c>lookdict_split</c>.
    /// </summary>
    public static DictTable SharedEmpty(PythonVersion version) =>
        new(0, version.AtLeast(11) ? DictKind.Unicode : DictKind.Split, sharedEmpty: true);

    /// <summary><c>new_keys_object(log2_size, unicode)</c>.</summary>
    public static DictTable Fresh(int log2Size, bool unicode) =>
        new(log2Size, unicode ? DictKind.Unicode : DictKind.General, sharedEmpty: false);

    public int Log2Size { get; private set; }

    public int Size => 1 << Log2Size;

    public int Mask => Size - 1;

    public DictKind Kind { get; set; }

    /// <summary>True while the dict still points at the shared, immutable empty keys.</summary>
    public bool IsSharedEmpty { get; private set; }

    /// <summary>3.10 only: whether the keys went from <c>lookdict_unicode_nodummy</c> to <c>lookdict_unicode</c>.</summary>
    public bool UnicodeWithDummies { get; set; }

    public int Usable { get; private set; }

    public int Nentries { get; private set; }

    public int Used { get; private set; }

    /// <summary>Bytes per index: 1, 2, 4 or 8 (<c>DK_IXSIZE</c>, <c>dk_log2_index_bytes</c>).</summary>
    public int IndexBytes => Log2Size < 8 ? 1 : Log2Size < 16 ? 2 : Log2Size < 32 ? 4 : 8;

    /// <summary><c>USABLE_FRACTION(n)</c>: two thirds of the slots.</summary>
    public static int UsableFraction(int n) => (int)(((long)n << 1) / 3);

    /// <summary>
    /// The log2 of the keys size <c>dictresize</c> gets for <paramref name="minSize"/> items. 3.10
    /// (<c>calculate_keysize</c>), 3.11 and 3.12 (<c>calculate_log2_keysize</c>) use the 64-bit bit trick
    /// <c>_Py_bit_length(((minsize | 8) - 1) | 7)</c>, which gives 16 rather than 8 for minsize 1..7 (gh-133703);
    /// 3.13.4+ and 3.14 have the fix <c>_Py_bit_length(max(minsize, 8) - 1)</c>, the smallest power of two ≥
    /// minsize. <paramref name="quirk"/> selects the old formula.
    /// </summary>
    public static int Log2For(long minSize, bool quirk)
    {
        if (quirk)
        {
            var m = (minSize | 8) - 1;
            return 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(m | 7));
        }

        var log2 = LogMinSize;
        while ((1L << log2) < minSize)
        {
            log2++;
        }

        return log2;
    }

    public int IndexAt(int slot) => _indices[slot];

    public PyValue? KeyAt(int entry) => _keys[entry];

    public long HashAt(int entry) => _hashes[entry];

    /// <summary>The entry as the result shows it (key and value reprs, hash as text), or null once deleted.</summary>
    public DictEntryView? ViewAt(int entry) => _views[entry];

    /// <summary>Appends an entry at <c>dk_nentries</c> (the index slot is written separately).</summary>
    public int AppendEntry(PyValue key, long hash, DictEntryView view)
    {
        var ix = Nentries;
        _keys[ix] = key;
        _hashes[ix] = hash;
        _views[ix] = view;
        Nentries++;
        Usable--;
        Used++;
        return ix;
    }

    public void SetIndex(int slot, int ix) => _indices[slot] = ix;

    public void SetValue(int entry, DictEntryView view) => _views[entry] = view;

    /// <summary>Deletes entry <paramref name="entry"/>, found at index slot <paramref name="slot"/> (<c>delitem_common</c>).</summary>
    public void Delete(int slot, int entry)
    {
        _indices[slot] = Dummy;
        _keys[entry] = null;
        _views[entry] = null;
        Used--;
    }

    /// <summary><c>dict_popitem_impl</c> sets <c>dk_nentries</c> to the popped entry's index (usable is not given back).</summary>
    public void TruncateEntries(int nentries) => Nentries = nentries;

    /// <summary>
    /// <c>dictresize</c>: a new keys object of 2**<paramref name="log2NewSize"/> slots, the live entries copied in
    /// order (dropping deleted ones) and the indices rebuilt (<c>build_indices_*</c>: first empty slot of each
    /// key's probe sequence; the new table has no dummies).
    /// </summary>
    public void Resize(int log2NewSize, DictKind kind)
    {
        var size = 1 << log2NewSize;
        var capacity = UsableFraction(size);
        var keys = new PyValue?[capacity];
        var hashes = new long[capacity];
        var views = new DictEntryView?[capacity];
        var n = 0;
        for (var ix = 0; ix < Nentries; ix++)
        {
            if (_keys[ix] is { } key)
            {
                keys[n] = key;
                hashes[n] = _hashes[ix];
                views[n] = _views[ix];
                n++;
            }
        }

        var indices = new int[size];
        Array.Fill(indices, Empty);
        for (var ix = 0; ix < n; ix++)
        {
            var probe = new DictProbeSequence(hashes[ix], size - 1);
            while (indices[probe.Slot] != Empty)
            {
                probe.Next();
            }

            indices[probe.Slot] = ix;
        }

        _indices = indices;
        _keys = keys;
        _hashes = hashes;
        _views = views;
        Log2Size = log2NewSize;
        Kind = kind;
        IsSharedEmpty = false;
        UnicodeWithDummies = false;
        Nentries = n;
        Used = n;
        Usable = capacity - n;
    }

    /// <summary>
    /// <c>sys.getsizeof(d)</c>: <c>_PyDict_SizeOf</c> plus the GC pre-header. The dict object is 48 bytes and the
    /// GC header 16 (default builds); free-threaded builds have a 32-byte object header and no GC pre-header
    /// (<c>_PyType_PreHeaderSize</c> under <c>Py_GIL_DISABLED</c>), so the sum is 64 either way. The keys object
    /// is counted only when the dict owns it (not the shared empty keys): its header (40 bytes in 3.10 with
    /// <c>dk_size</c>/<c>dk_lookup</c>, 32 from 3.11), the indices, and <c>USABLE_FRACTION(size)</c> entries of
    /// 24 bytes (<c>PyDictKeyEntry</c>) or, for <c>DICT_KEYS_UNICODE</c> from 3.11, 16 (<c>PyDictUnicodeEntry</c>).
    /// </summary>
    public long SizeOf(PythonVersion version)
    {
        const long objectWithGcHeader = 64;
        if (IsSharedEmpty)
        {
            return objectWithGcHeader;
        }

        var header = version.AtLeast(11) ? 32L : 40L;
        var entrySize = version.AtLeast(11) && Kind != DictKind.General ? 16L : 24L;
        return objectWithGcHeader + header + ((long)Size * IndexBytes) + (UsableFraction(Size) * entrySize);
    }
}
