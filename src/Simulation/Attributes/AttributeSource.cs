namespace Pynsights.Simulation.Attributes;

/// <summary>Lines the attribute-lookup trace cites, per tag of <see cref="CPythonTags"/>; 0: not read, no link.</summary>
internal static class AttributeSource
{
    public static SourceLocation? GenericGetAttr(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Objects/object.c", "_PyObject_GenericGetAttrWithDict", [0, 1243, 0, 1632, 0]);

    public static SourceLocation? GetattrHook(PythonVersion v) =>
        CPythonTags.AtIfRead(v, "Objects/typeobject.c", v.AtLeast(13) ? "_Py_slot_tp_getattr_hook" : "slot_tp_getattr_hook", [0, 7677, 0, 9619, 0]);
}
