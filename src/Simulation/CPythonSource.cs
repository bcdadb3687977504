using System.Collections.Frozen;

namespace Pynsights.Simulation;

/// <summary>
/// The one place that pins simulator steps to CPython source: the release tag per modelled version and the line of
/// each function the steps cite. Lines were read from the tagged source itself; a version whose tagged source we
/// have not checked line by line gets no link rather than a wrong one.
/// </summary>
internal static class CPythonSource
{
    /// <summary>The tag a version's links point at; only versions whose lines below were verified are listed.</summary>
    private static readonly FrozenDictionary<PythonVersion, string> Tags = new Dictionary<PythonVersion, string>
    {
        [PythonVersion.V311] = "v3.11.2",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, (string File, int Line)> V311Lines =
        new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal)
        {
            ["long_hash"] = ("Objects/longobject.c", 3132),
            ["_Py_HashDouble"] = ("Python/pyhash.c", 92),
            ["_Py_HashPointer"] = ("Python/pyhash.c", 148),
            ["_Py_HashBytes"] = ("Python/pyhash.c", 158),
            ["siphash13"] = ("Python/pyhash.c", 377),
            ["complex_hash"] = ("Objects/complexobject.c", 406),
            ["unicode_hash"] = ("Objects/unicodeobject.c", 11825),
            ["bytes_hash"] = ("Objects/bytesobject.c", 1587),
            ["tuplehash"] = ("Objects/tupleobject.c", 321),
            ["frozenset_hash"] = ("Objects/setobject.c", 686),
            ["lcg_urandom"] = ("Python/bootstrap_hash.c", 415),
            ["new_keys_object"] = ("Objects/dictobject.c", 594),
            ["_Py_dict_lookup"] = ("Objects/dictobject.c", 1041),
            ["find_empty_slot"] = ("Objects/dictobject.c", 1165),
            ["insertion_resize"] = ("Objects/dictobject.c", 1181),
            ["insertdict"] = ("Objects/dictobject.c", 1226),
            ["insert_to_emptydict"] = ("Objects/dictobject.c", 1318),
            ["build_indices_generic"] = ("Objects/dictobject.c", 1360),
            ["dictresize"] = ("Objects/dictobject.c", 1405),
            ["delitem_common"] = ("Objects/dictobject.c", 1950),
            ["_PyDict_Pop_KnownHash"] = ("Objects/dictobject.c", 2207),
            ["dict_subscript"] = ("Objects/dictobject.c", 2489),
            ["PyDict_SetDefault"] = ("Objects/dictobject.c", 3298),
            ["dict_popitem_impl"] = ("Objects/dictobject.c", 3451),
            ["_PyDict_SizeOf"] = ("Objects/dictobject.c", 3573),
            ["set_lookkey"] = ("Objects/setobject.c", 56),
            ["set_add_entry"] = ("Objects/setobject.c", 103),
            ["set_insert_clean"] = ("Objects/setobject.c", 197),
            ["set_table_resize"] = ("Objects/setobject.c", 232),
            ["set_discard_entry"] = ("Objects/setobject.c", 325),
            ["set_merge"] = ("Objects/setobject.c", 558),
            ["set_pop"] = ("Objects/setobject.c", 630),
            ["set_sizeof"] = ("Objects/setobject.c", 1970),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The pinned location of <paramref name="function"/> for <paramref name="version"/>, when verified.</summary>
    public static SourceLocation? For(PythonVersion version, string? function)
    {
        if (function is null || !Tags.TryGetValue(version, out var tag))
        {
            return null;
        }

        return V311Lines.TryGetValue(function, out var place) ? SourceLocation.At(tag, place.File, function, place.Line) : null;
    }
}
