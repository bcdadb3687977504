namespace Pynsights.Simulation.Attributes;

/// <summary>
/// Lines the attribute-lookup trace cites, per tag of <see cref="CPythonTags"/>; 0: not read, no link. The 3.10 and
/// 3.12 lines were read at v3.10.7 and v3.12.5; no v3.11.2 or v3.13.5 typeobject.c was at hand for the newer rows.
/// </summary>
internal static class AttributeSource
{
    public static SourceLocation? GenericGetAttr(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Objects/object.c", "_PyObject_GenericGetAttrWithDict", [1217, 1243, 1396, 1632, 0]);

    public static SourceLocation? GetattrHook(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Objects/typeobject.c", v.AtLeast(12) ? "_Py_slot_tp_getattr_hook" : "slot_tp_getattr_hook", [7541, 7677, 8833, 9619, 0]);

    public static SourceLocation? TypeLookup(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Objects/typeobject.c", "_PyType_Lookup", [3800, 0, 4723, 0, 0]);

    public static SourceLocation? TypeGetattro(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Objects/typeobject.c", v.AtLeast(12) ? "_Py_type_getattro_impl" : "type_getattro", [3888, 0, 4798, 0, 0]);
}
