using System.Collections.Frozen;

namespace Pynsights.Simulation;

/// <summary>
/// The one place that pins simulator steps to CPython source: the release tag per modelled version and the line of
/// each function the steps cite. Lines were read from the tagged source itself (v3.11.2 and v3.13.5 release
/// tarballs); a version whose tagged source we have not checked line by line gets no link rather than a wrong one.
/// Where a later version renamed the function, the link names the function at that tag.
/// </summary>
internal static class CPythonSource
{
    /// <summary>The tag a version's links point at; only versions whose lines below were verified are listed.</summary>
    private static readonly FrozenDictionary<PythonVersion, string> Tags = new Dictionary<PythonVersion, string>
    {
        [PythonVersion.V311] = "v3.11.2",
        [PythonVersion.V313] = "v3.13.5",
        [PythonVersion.V313T] = "v3.13.5",
    }.ToFrozenDictionary();

    /// <summary>v3.13.5, keyed by the same names as <see cref="V311Lines"/>; the third item is the name at that tag.</summary>
    private static readonly FrozenDictionary<string, (string File, int Line, string Name)> V313Lines =
        new Dictionary<string, (string File, int Line, string Name)>(StringComparer.Ordinal)
        {
            ["long_hash"] = ("Objects/longobject.c", 3599, "long_hash"),
            ["_Py_HashDouble"] = ("Python/pyhash.c", 87, "_Py_HashDouble"),
            ["_Py_HashPointer"] = ("Python/pyhash.c", 133, "Py_HashPointer"),
            ["_Py_HashBytes"] = ("Python/pyhash.c", 149, "_Py_HashBytes"),
            ["siphash13"] = ("Python/pyhash.c", 368, "siphash13"),
            ["complex_hash"] = ("Objects/complexobject.c", 432, "complex_hash"),
            ["unicode_hash"] = ("Objects/unicodeobject.c", 11563, "unicode_hash"),
            ["bytes_hash"] = ("Objects/bytesobject.c", 1620, "bytes_hash"),
            ["tuplehash"] = ("Objects/tupleobject.c", 321, "tuplehash"),
            ["frozenset_hash"] = ("Objects/setobject.c", 766, "frozenset_hash"),
            ["lcg_urandom"] = ("Python/bootstrap_hash.c", 419, "lcg_urandom"),
            ["new_keys_object"] = ("Objects/dictobject.c", 789, "new_keys_object"),
            ["_Py_dict_lookup"] = ("Objects/dictobject.c", 1278, "_Py_dict_lookup"),
            ["find_empty_slot"] = ("Objects/dictobject.c", 1702, "find_empty_slot"),
            ["insertion_resize"] = ("Objects/dictobject.c", 1718, "insertion_resize"),
            ["insertdict"] = ("Objects/dictobject.c", 1824, "insertdict"),
            ["insert_to_emptydict"] = ("Objects/dictobject.c", 1899, "insert_to_emptydict"),
            ["build_indices_generic"] = ("Objects/dictobject.c", 1951, "build_indices_generic"),
            ["dictresize"] = ("Objects/dictobject.c", 1996, "dictresize"),
            ["delitem_common"] = ("Objects/dictobject.c", 2641, "delitem_common"),
            ["_PyDict_Pop_KnownHash"] = ("Objects/dictobject.c", 2995, "pop_lock_held"),
            ["dict_subscript"] = ("Objects/dictobject.c", 3343, "dict_subscript"),
            ["PyDict_SetDefault"] = ("Objects/dictobject.c", 4253, "dict_setdefault_ref_lock_held"),
            ["dict_popitem_impl"] = ("Objects/dictobject.c", 4459, "dict_popitem_impl"),
            ["_PyDict_SizeOf"] = ("Objects/dictobject.c", 4607, "_PyDict_SizeOf"),
            ["set_lookkey"] = ("Objects/setobject.c", 76, "set_lookkey"),
            ["set_add_entry"] = ("Objects/setobject.c", 123, "set_add_entry"),
            ["set_insert_clean"] = ("Objects/setobject.c", 219, "set_insert_clean"),
            ["set_table_resize"] = ("Objects/setobject.c", 254, "set_table_resize"),
            ["set_discard_entry"] = ("Objects/setobject.c", 347, "set_discard_entry"),
            ["set_merge"] = ("Objects/setobject.c", 587, "set_merge_lock_held"),
            ["set_pop"] = ("Objects/setobject.c", 670, "set_pop_impl"),
            ["set_sizeof"] = ("Objects/setobject.c", 2322, "set___sizeof___impl"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

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

    /// <summary>
    /// Every verified location, built once, per version and then by function name (a frozen ordinal string map is
    /// the fastest lookup there is for a fixed set of names; steps ask once each): steps share these immutable
    /// objects instead of allocating.
    /// </summary>
    private static readonly FrozenDictionary<PythonVersion, FrozenDictionary<string, SourceLocation>> Locations = BuildLocations();

    private static FrozenDictionary<PythonVersion, FrozenDictionary<string, SourceLocation>> BuildLocations()
    {
        var all = new Dictionary<PythonVersion, FrozenDictionary<string, SourceLocation>>();
        foreach (var (version, tag) in Tags)
        {
            all[version] = version.Minor == 13
                ? V313Lines.ToFrozenDictionary(line => line.Key, line => SourceLocation.At(tag, line.Value.File, line.Value.Name, line.Value.Line), StringComparer.Ordinal)
                : V311Lines.ToFrozenDictionary(line => line.Key, line => SourceLocation.At(tag, line.Value.File, line.Key, line.Value.Line), StringComparer.Ordinal);
        }

        return all.ToFrozenDictionary();
    }

    /// <summary>The pinned location of <paramref name="function"/> for <paramref name="version"/>, when verified.</summary>
    public static SourceLocation? For(PythonVersion version, string? function) =>
        function is not null && Locations.TryGetValue(version, out var lines) && lines.TryGetValue(function, out var location) ? location : null;
}
