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
}
