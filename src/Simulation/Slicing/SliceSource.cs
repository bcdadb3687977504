namespace Pynsights.Simulation.Slicing;

/// <summary>
/// Lines of the CPython source the slicing trace cites, one per tag of <see cref="CPythonTags"/> (3.10 to 3.14),
/// read from Objects/sliceobject.c and Objects/listobject.c of those tags. The logic they point at is the same in
/// every modelled version; only the line numbers move.
/// </summary>
internal static class SliceSource
{
    private const string Slice = "Objects/sliceobject.c";
    private const string List = "Objects/listobject.c";

    public static SourceLocation UnpackStepNone(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_Unpack", [211, 212, 238, 246, 227]);

    public static SourceLocation UnpackStepZero(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_Unpack", [217, 218, 244, 252, 233]);

    public static SourceLocation UnpackStepClamp(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_Unpack", [227, 228, 254, 262, 243]);

    public static SourceLocation UnpackStart(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_Unpack", [230, 231, 257, 265, 246]);

    public static SourceLocation UnpackStop(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_Unpack", [237, 238, 264, 272, 253]);

    public static SourceLocation AdjustStart(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_AdjustIndices", [256, 257, 283, 291, 272]);

    public static SourceLocation AdjustStop(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_AdjustIndices", [266, 267, 293, 301, 282]);

    public static SourceLocation AdjustLength(PythonVersion v) => CPythonTags.At(v, Slice, "PySlice_AdjustIndices", [276, 277, 303, 311, 292]);

    public static SourceLocation LongIndices(PythonVersion v) => CPythonTags.At(v, Slice, "_PySlice_GetLongIndices", [381, 382, 408, 419, 396]);

    /// <summary>The stepped copy loop: inline in list_subscript up to 3.12, list_slice_step_lock_held from 3.13.</summary>
    public static SourceLocation Visit(PythonVersion v) => CPythonTags.At(
        v, List, v.AtLeast(13) ? "list_slice_step_lock_held" : "list_subscript", [2857, 2912, 2921, 3562, 3600]);
}
