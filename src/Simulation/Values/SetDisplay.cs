using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Sets;

namespace Pynsights.Simulation.Values;

/// <summary>
/// Builds set displays and frozensets the way CPython 3.11 does, so their iteration (and repr) order is CPython's:
/// <c>{a, b}</c> is <c>BUILD_SET</c> (set_add in order); with three or more constant items the compiler instead
/// emits <c>BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE</c> (Python/compile.c <c>starunpack_helper</c>), so
/// the items go through a constant frozenset (rebuilt once more by <c>merge_consts_recursive</c>) and one more <c>set_merge</c>. <c>frozenset(s)</c> merges again.
/// </summary>
internal static class SetDisplay
{
    public static (PySet? Set, PythonError? Error) Build(IReadOnlyList<PyValue> items, bool folded, PyHasher hasher)
    {
        var table = new SetTable();
        foreach (var item in items)
        {
            var outcome = hasher.Hash(item);
            if (outcome.Error is not null)
            {
                return (null, outcome.Error);
            }

            // An address-based hash (None before 3.12, NaN) has no reproducible slot; keep the display order by
            // hashing such an item as 0 (only the order of the echo can differ from CPython).
            table.Add(item, outcome.Hash ?? 0, []);
        }

        if (folded)
        {
            // The compiler's merge_consts_recursive (Python/compile.c) rebuilds the constant frozenset from a tuple
            // of its items in table order; SET_UPDATE then merges it into the new set.
            var rebuilt = new SetTable();
            foreach (var (key, hash) in table.Entries())
            {
                rebuilt.Add(key, hash, []);
            }

            table = rebuilt;
            var merged = new SetTable();
            merged.MergeFrom(table);
            table = merged;
        }

        return (new PySet(table), null);
    }

    public static PyFrozenSet Freeze(PySet set)
    {
        var copy = new SetTable();
        copy.MergeFrom(set.Table);
        return new PyFrozenSet([.. copy.Keys()]);
    }
}
