using System.Text;

namespace Pynsights.Simulation.Attributes;

/// <summary>
/// The AttributeError messages of a failed read, as each version formats them. tp_name goes through a
/// <c>%.Ns</c> of PyUnicode_FromFormat: cut to N UTF-8 bytes and decoded with "replace", so a character cut in two
/// becomes U+FFFD.
/// </summary>
internal static class AttributeErrors
{
    /// <summary>Objects/object.c _PyObject_GenericGetAttrWithDict: %.50s up to 3.11, %.100s from 3.12.</summary>
    public static string Instance(PythonVersion v, string type, string name) =>
        $"'{Truncate(type, v.AtLeast(12) ? 100 : 50)}' object has no attribute '{name}'";

    /// <summary>Objects/typeobject.c type_getattro: %.50s up to 3.11, %.100s from 3.12.</summary>
    public static string Type(PythonVersion v, string type, string name) =>
        $"type object '{Truncate(type, v.AtLeast(12) ? 100 : 50)}' has no attribute '{name}'";

    /// <summary>
    /// An empty __slots__ member (Python/structmember.c PyMember_GetOne): %.200s of tp_name up to 3.12; from 3.13
    /// %T, the type's fully qualified name, which for a class of __main__ is its __qualname__, uncut.
    /// </summary>
    public static string EmptySlot(PythonVersion v, string type, string name) =>
        $"'{(v.AtLeast(13) ? type : Truncate(type, 200))}' object has no attribute '{name}'";

    private static string Truncate(string text, int bytes)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        return utf8.Length <= bytes ? text : Encoding.UTF8.GetString(utf8, 0, bytes);
    }
}
