using System.Text;

namespace Pynsights.Simulation.Python;

/// <summary>Maps a node's <see cref="SourceSpan"/> (UTF-8 byte columns, as CPython counts) back to the source text.</summary>
public static class SourceText
{
    /// <summary>The text a span covers (<c>ast.get_source_segment</c>).</summary>
    public static string Segment(string source, SourceSpan span)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var start = Offset(lines, span.Line, span.Column);
        var end = Offset(lines, span.EndLine, span.EndColumn);
        var joined = string.Join('\n', lines);
        return joined[start..end];
    }

    private static int Offset(string[] lines, int line, int byteColumn)
    {
        var offset = 0;
        for (var i = 0; i < line - 1; i++)
        {
            offset += lines[i].Length + 1;
        }

        var text = lines[line - 1];
        var bytes = 0;
        var chars = 0;
        while (chars < text.Length && bytes < byteColumn)
        {
            var width = char.IsHighSurrogate(text[chars]) && chars + 1 < text.Length ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(text.AsSpan(chars, width));
            chars += width;
        }

        return offset + chars;
    }
}
