using System.Text;
using System.Text.Json;

namespace Pynsights.Api.Content;

/// <summary>
/// The line of every value of a JSON document, by JSON Pointer (<c>/frames/2/alt</c>), so a content error points
/// at <c>file:line</c> like the YAML ones do.
/// </summary>
internal static class JsonLines
{
    public static Dictionary<string, int> Map(byte[] utf8)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var containers = new Stack<bool>(); // true: array
        string? pendingName = null;
        var line = 1;
        var scanned = 0;

        while (reader.Read())
        {
            var at = (int)reader.TokenStartIndex;
            line += utf8.AsSpan(scanned, at - scanned).Count((byte)'\n');
            scanned = at;

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingName = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    arrayIndex.Pop();
                }

                if (path.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                }

                continue;
            }

            // A value starts: its pointer is the parent's plus the property name or the array index.
            if (containers.Count > 0)
            {
                if (containers.Peek())
                {
                    var index = arrayIndex.Pop();
                    path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    arrayIndex.Push(index + 1);
                }
                else
                {
                    path.Add(Escape(pendingName ?? ""));
                }
            }

            lines[Pointer(path)] = line;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(reader.TokenType == JsonTokenType.StartArray);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    arrayIndex.Push(0);
                }
            }
            else if (path.Count > 0)
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        return lines;
    }

    /// <summary>The line of <paramref name="pointer"/>, or of its nearest ancestor that has one.</summary>
    public static int LineOf(Dictionary<string, int> lines, string pointer)
    {
        for (var p = pointer; ; p = p[..p.LastIndexOf('/')])
        {
            if (lines.TryGetValue(p, out var line))
            {
                return line;
            }

            if (p.Length == 0)
            {
                return 1;
            }
        }
    }

    private static string Pointer(List<string> path)
    {
        var builder = new StringBuilder();
        foreach (var part in path)
        {
            builder.Append('/').Append(part);
        }

        return builder.ToString();
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
