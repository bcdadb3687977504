namespace Pynsights.Simulation.Operators;

/// <summary>
/// Lines the operator-dispatch trace cites, per tag of <see cref="CPythonTags"/> (3.10 to 3.14); 0 marks a tag
/// whose file we have not read line by line (3.10, 3.12, 3.14), which then gets no link.
/// </summary>
internal static class OperatorSource
{
    public static SourceLocation? BinaryOp1(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "binary_op1", [0, 859, 0, 927, 0]);

    public static SourceLocation? BinaryIOp1(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "binary_iop1", [0, 1180, 0, 1229, 0]);

    public static SourceLocation? SlotBinFull(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "SLOT1BINFULL", [0, 7251, 0, 9187, 0]);

    public static SourceLocation? MethodIsOverloaded(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "method_is_overloaded", [0, 7221, 0, 9157, 0]);

    public static SourceLocation? DoRichCompare(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/object.c", "do_richcompare", [0, 663, 0, 994, 0]);

    public static SourceLocation? SlotRichCompare(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_tp_richcompare", [0, 7749, 0, 9697, 0]);

    public static SourceLocation? ObjectRichCompare(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "object_richcompare", [0, 4624, 0, 6254, 0]);

    public static SourceLocation? TernaryOp(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "ternary_op", [0, 963, 0, 1031, 0]);

    public static SourceLocation? TernaryIOp(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "ternary_iop", [0, 1224, 0, 1273, 0]);

    public static SourceLocation? Slot1(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "SLOT1", [0, 7210, 0, 9146, 0]);

    public static SourceLocation? SlotInplacePower(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_nb_inplace_power", [0, 7534, 0, 9470, 0]);

    public static SourceLocation? SequenceContains(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "PySequence_Contains", [0, 2274, 0, 2273, 0]);

    public static SourceLocation? IterSearch(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "_PySequence_IterSearch", [0, 2180, 0, 2179, 0]);

    public static SourceLocation? GetIter(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "PyObject_GetIter", [0, 2791, 0, 2848, 0]);

    public static SourceLocation? LengthHint(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/abstract.c", "PyObject_LengthHint", [0, 91, 0, 92, 0]);

    public static SourceLocation? SlotContains(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_sq_contains", [0, 7369, 0, 9305, 0]);

    public static SourceLocation? SlotIter(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_tp_iter", [0, 7767, 0, 9715, 0]);

    public static SourceLocation? SlotItem(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_sq_item", [0, 7326, 0, 9262, 0]);

    public static SourceLocation? SlotLength(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_sq_length", [0, 7298, 0, 9234, 0]);

    public static SourceLocation? SlotBool(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/typeobject.c", "slot_nb_bool", [0, 7458, 0, 9394, 0]);

    public static SourceLocation? SeqIterNext(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/iterobject.c", "iter_iternext", [0, 48, 0, 49, 0]);

    public static SourceLocation? IsTrue(PythonVersion v) => CPythonTags.AtIfRead(v, "Objects/object.c", "PyObject_IsTrue", [0, 1497, 0, 1894, 0]);

    /// <summary>list(x) fills the list in list_extend up to 3.12, in list_extend_iter_lock_held from 3.13 (Objects/listobject.c, read at every tag).</summary>
    public static SourceLocation ListExtend(PythonVersion v) => v.AtLeast(13)
        ? CPythonTags.At(v, "Objects/listobject.c", "list_extend_iter_lock_held", [0, 0, 0, 1228, 1225])
        : CPythonTags.At(v, "Objects/listobject.c", "list_extend", [866, 878, 857, 0, 0]);
}
