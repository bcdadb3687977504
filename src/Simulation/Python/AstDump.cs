using System.Globalization;
using System.Text;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Python;

/// <summary>
/// Prints a tree exactly as Python 3.11's <c>ast.dump(tree)</c> (Lib/ast.py <c>dump</c>, annotate_fields=True, no
/// indent): every field by name, optional fields left out when absent, lists in brackets, constants and identifiers
/// as their <c>repr</c>. With <c>includeAttributes</c> it also prints the positions, as
/// <c>ast.dump(tree, include_attributes=True)</c>.
/// </summary>
public static class AstDump
{
    public static string Dump(AstNode node, bool includeAttributes = false)
    {
        var builder = new StringBuilder();
        Write(builder, node, includeAttributes);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, bool includeAttributes)
    {
        switch (value)
        {
            case null:
                builder.Append("None");
                break;
            case AstNode node:
                builder.Append(node.Type).Append('(');
                var first = true;
                foreach (var field in node.Fields)
                {
                    if (field.Value is null)
                    {
                        continue;
                    }

                    Separator(ref first);
                    builder.Append(field.Name).Append('=');
                    Write(builder, field.Value, includeAttributes);
                }

                if (includeAttributes && node.Span is { } span)
                {
                    Separator(ref first);
                    builder.Append(CultureInfo.InvariantCulture,
                        $"lineno={span.Line}, col_offset={span.Column}, end_lineno={span.EndLine}, end_col_offset={span.EndColumn}");
                }

                builder.Append(')');
                break;
            case string identifier:
                builder.Append(new PyStr(identifier.EnumerateRunes().Select(r => r.Value)).Repr());
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case PyValue constant:
                builder.Append(constant.Repr());
                break;
            case System.Collections.IEnumerable items:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    Separator(ref firstItem);
                    Write(builder, item, includeAttributes);
                }

                builder.Append(']');
                break;
            default:
                throw new InvalidOperationException($"Unexpected field value {value.GetType()}.");
        }

        void Separator(ref bool isFirst)
        {
            if (!isFirst)
            {
                builder.Append(", ");
            }

            isFirst = false;
        }
    }
}
