namespace Pynsights.Simulation.Lists;

/// <summary>
/// Function lines of Objects/listobject.c (and Python/sysmodule.c) at the tags of <see cref="CPythonTags"/>,
/// ordered 3.10 to 3.14. Where a function was split or renamed the name follows the version.
/// </summary>
internal static class ListSource
{
    private const string List = "Objects/listobject.c";

    /// <summary>The over-allocation line <c>new_allocated = ((size_t)newsize + (newsize &gt;&gt; 3) + 6) &amp; ~(size_t)3;</c>.</summary>
    public static SourceLocation ResizeFormula(PythonVersion v) => CPythonTags.At(v, List, "list_resize", [71, 70, 71, 139, 133]);

    public static SourceLocation Resize(PythonVersion v) => CPythonTags.At(v, List, "list_resize", [45, 44, 45, 114, 108]);

    public static SourceLocation PreallocateExact(PythonVersion v) => CPythonTags.At(v, List, "list_preallocate_exact", [93, 98, 99, 198, 192]);

    public static SourceLocation New(PythonVersion v) => CPythonTags.At(v, List, "PyList_New", [146, 155, 156, 259, 235]);

    public static SourceLocation NewPrealloc(PythonVersion v) => CPythonTags.At(v, List, "list_new_prealloc", [187, 201, 202, 311, 276]);

    public static SourceLocation Insert(PythonVersion v) => CPythonTags.At(v, List, "ins1", [272, 279, 280, 479, 476]);

    public static SourceLocation Pop(PythonVersion v) => CPythonTags.At(v, List, "list_pop_impl", [1022, 1032, 1009, 1518, 1531]);

    public static SourceLocation Clear(PythonVersion v) =>
        CPythonTags.At(v, List, v.AtLeast(13) ? "list_clear_impl" : "_list_clear", [594, 605, 594, 852, 843]);

    public static SourceLocation Append(PythonVersion v) =>
        CPythonTags.At(v, List, v.AtLeast(11) ? "_PyList_AppendTakeRefListResize" : "app1", [311, 319, 319, 523, 520]);

    public static SourceLocation ExtendFast(PythonVersion v) =>
        CPythonTags.At(v, List, v.AtLeast(13) ? "list_extend_fast" : "list_extend", [866, 878, 857, 1190, 1187]);

    public static SourceLocation ExtendIter(PythonVersion v) =>
        CPythonTags.At(v, List, v.AtLeast(13) ? "list_extend_iter_lock_held" : "list_extend", [866, 878, 857, 1228, 1225]);

    public static SourceLocation Repeat(PythonVersion v) => CPythonTags.At(v, List, "list_repeat", [552, 558, 553, 841, 832]);

    public static SourceLocation GetSizeOf(PythonVersion v) => CPythonTags.At(v, "Python/sysmodule.c", "_PySys_GetSizeOf", [1696, 1666, 1792, 1950, 1926]);
}
