using System.Text;
using System.Text.RegularExpressions;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Closures;

/// <summary>
/// <c>repr()</c> and <c>str()</c> of the evaluator's objects, with addresses left out: CPython prints
/// <c>&lt;function f at 0x7f..&gt;</c>, we print <c>&lt;function f&gt;</c> (and <c>&lt;module 'functools'&gt;</c> without
/// its file), so a result compares equal on every machine. The oracle removes the same parts from CPython's text.
/// </summary>
internal static partial class Reprs
{
    /// <summary>Longest repr a trace step's state shows; the result's reprs are whole.</summary>
    public const int StateLimit = 120;

    public static string Text(PyStr s) => string.Concat(s.CodePoints.Select(char.ConvertFromUtf32));

    public static string Repr(PyObj obj, int limit = int.MaxValue)
    {
        var builder = new StringBuilder();
        Write(builder, obj, limit, []);
        var text = Normalise(builder.ToString());
        return text.Length > limit ? string.Concat(text.AsSpan(0, limit), "…") : text;
    }

    public static string Str(PyObj obj) => obj is ValueObj { Value: PyStr s } ? Normalise(Text(s)) : Repr(obj);

    /// <summary>What the oracle does to CPython's text: every " at 0x…" address removed.</summary>
    public static string Normalise(string text) => Address().Replace(text, "");

    [GeneratedRegex(" at 0x[0-9a-fA-F]+")]
    private static partial Regex Address();

    private static void Write(StringBuilder b, PyObj obj, int limit, HashSet<PyObj> open)
    {
        if (b.Length > limit)
        {
            return;
        }

        switch (obj)
        {
            case ValueObj v:
                b.Append(v.Value.Repr());
                return;
            case FunctionObj f:
                b.Append("<function ").Append(f.Qualname).Append('>');
                return;
            case CellObj c:
                b.Append("<cell: ").Append(c.Contents is null ? "empty" : c.Contents.TypeName + " object").Append('>');
                return;
            case BuiltinObj bf:
                b.Append(bf.IsPythonFunction ? $"<function {bf.Name}>" : $"<built-in function {bf.Name}>");
                return;
            case ModuleObj m:
                b.Append("<module '").Append(m.Name).Append("'>");
                return;
            case RangeObj r:
                b.Append("range(").Append(r.Start).Append(", ").Append(r.Stop);
                b.Append(r.Step == 1 ? ")" : $", {r.Step})");
                return;
            case WrapsObj w:
                b.Append("functools.partial(<function update_wrapper>, wrapped=");
                Write(b, w.Wrapped, limit, open);
                b.Append(", assigned=");
                Write(b, w.Assigned, limit, open);
                b.Append(", updated=('__dict__',))");
                return;
        }

        // list_repr, tuplerepr and dict_repr print "[...]" for a container already being printed (Py_ReprEnter).
        if (!open.Add(obj))
        {
            b.Append(obj switch { ListObj => "[...]", TupleObj => "(...)", _ => "{...}" });
            return;
        }

        switch (obj)
        {
            case ListObj l:
                Items(b, "[", l.Items, "]", limit, open);
                break;
            case TupleObj t:
                Items(b, "(", t.Items, t.Items.Count == 1 ? ",)" : ")", limit, open);
                break;
            case DictObj d:
                b.Append('{');
                for (var i = 0; i < d.Entries.Count && b.Length <= limit; i++)
                {
                    b.Append(i > 0 ? ", " : "").Append(ValueObj.Str(d.Entries[i].Key).Value.Repr()).Append(": ");
                    Write(b, d.Entries[i].Value, limit, open);
                }

                b.Append('}');
                break;
        }

        open.Remove(obj);
    }

    private static void Items(StringBuilder b, string open, IReadOnlyList<PyObj> items, string close, int limit, HashSet<PyObj> opened)
    {
        b.Append(open);
        for (var i = 0; i < items.Count && b.Length <= limit; i++)
        {
            if (i > 0)
            {
                b.Append(", ");
            }

            Write(b, items[i], limit, opened);
        }

        b.Append(close);
    }
}
