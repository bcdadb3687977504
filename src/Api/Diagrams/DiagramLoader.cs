using System.Text.Json;
using Json.Schema;
using Pynsights.Api.Content;

namespace Pynsights.Api.Diagrams;

/// <summary>
/// Loads <c>content/diagrams/*.json</c>: each must be valid against content/schemas/diagram.schema.json and
/// consistent (unique ids, references that exist, everything inside the canvas, every element shown in some frame).
/// Problems are reported as <c>file:line: message</c>.
/// </summary>
public static class DiagramLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The diagram JSON Schema, part of the API's contract (content/schemas/diagram.schema.json, embedded).</summary>
    public static string SchemaText { get; } = ReadSchema();

    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);

    private static string ReadSchema()
    {
        using var stream = typeof(DiagramLoader).Assembly.GetManifestResourceStream("Pynsights.Api.Diagrams.diagram.schema.json")
            ?? throw new InvalidOperationException("The diagram schema is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Dictionary<string, DiagramSpec> Load(string root, Func<string, string> display, List<ContentError> errors)
    {
        var diagrams = new Dictionary<string, DiagramSpec>(StringComparer.Ordinal);
        var dir = Path.Combine(root, "diagrams");
        if (!Directory.Exists(dir))
        {
            return diagrams;
        }

        foreach (var path in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var file = display(path);
            var bytes = File.ReadAllBytes(path);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes);
            }
            catch (JsonException e)
            {
                errors.Add(new ContentError(file, (int)(e.LineNumber ?? 0) + 1, $"invalid JSON: {e.Message}"));
                continue;
            }

            using (document)
            {
                var lines = JsonLines.Map(bytes);
                var before = errors.Count;
                var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
                if (!result.IsValid)
                {
                    foreach (var (pointer, message) in LeafErrors(result).Take(8))
                    {
                        errors.Add(new ContentError(file, JsonLines.LineOf(lines, pointer), $"{(pointer.Length == 0 ? "/" : pointer)}: {message}"));
                    }

                    continue;
                }

                var spec = document.RootElement.Deserialize<DiagramSpec>(Json)! with { Source = document.RootElement.Clone() };
                spec = spec with { Seed = document.RootElement.TryGetProperty("seed", out var seed) ? seed.GetInt32() : 1 };
                Check(spec, Path.GetFileNameWithoutExtension(path), (pointer, message) =>
                    errors.Add(new ContentError(file, JsonLines.LineOf(lines, pointer), message)));
                if (errors.Count == before)
                {
                    diagrams[spec.Id] = spec;
                }
            }
        }

        return diagrams;
    }

    /// <summary>
    /// The schema errors of the failing branches only (a passing oneOf's failed alternatives are not errors), most
    /// specific location first.
    /// </summary>
    private static IEnumerable<(string Pointer, string Message)> LeafErrors(EvaluationResults result)
    {
        var found = new List<(string Pointer, string Message)>();
        void Walk(EvaluationResults node)
        {
            if (node.IsValid)
            {
                return;
            }

            foreach (var (_, message) in node.Errors ?? new Dictionary<string, string>())
            {
                found.Add((node.InstanceLocation.ToString(), message));
            }

            foreach (var child in node.Details ?? [])
            {
                Walk(child);
            }
        }

        Walk(result);
        return found.Count == 0
            ? [("", "does not match the diagram schema.")]
            : found.Distinct().OrderByDescending(e => e.Pointer.Count(c => c == '/')).ThenBy(e => e.Pointer, StringComparer.Ordinal);
    }

    private static void Check(DiagramSpec spec, string stem, Action<string, string> error)
    {
        if (spec.Id != stem)
        {
            error("/id", $"id '{spec.Id}' must match the file name '{stem}.json'.");
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        void Declare(string id, string pointer)
        {
            if (!ids.TryAdd(id, pointer))
            {
                error(pointer, $"id '{id}' is used twice (also at {ids[id]}).");
            }
        }

        for (var i = 0; i < spec.Elements.Count; i++)
        {
            var element = spec.Elements[i];
            Declare(element.Id, $"/elements/{i}");
            for (var c = 0; c < (element.Cells?.Count ?? 0); c++)
            {
                Declare(element.Cells![c].Id, $"/elements/{i}/cells/{c}");
            }
        }

        void Known(string id, string pointer, string what)
        {
            if (!ids.ContainsKey(id))
            {
                error(pointer, $"{what} '{id}' is not an element or cell of this diagram.");
            }
        }

        for (var i = 0; i < spec.Elements.Count; i++)
        {
            var e = spec.Elements[i];
            var at = $"/elements/{i}";
            if (e.From is not null)
            {
                Known(e.From, $"{at}/from", "from");
            }

            if (e.To is not null)
            {
                Known(e.To, $"{at}/to", "to");
            }

            foreach (var child in e.Children ?? [])
            {
                Known(child, $"{at}/children", "child");
            }

            var (width, height) = Extent(e);
            if (e.X is { } x && e.Y is { } y && (x + width > spec.Canvas.Width || y + height > spec.Canvas.Height))
            {
                error(at, $"element '{e.Id}' reaches ({x + width:0.#}, {y + height:0.#}), outside the {spec.Canvas.Width}×{spec.Canvas.Height} canvas.");
            }
        }

        var shown = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < spec.Frames.Count; f++)
        {
            var frame = spec.Frames[f];
            foreach (var (list, name) in new[] { (frame.Add, "add"), (frame.Remove, "remove"), (frame.Highlight, "highlight") })
            {
                foreach (var id in list ?? [])
                {
                    Known(id, $"/frames/{f}/{name}", name);
                }
            }

            foreach (var change in frame.Set ?? [])
            {
                Known(change.Id, $"/frames/{f}/set", "set");
            }

            shown.UnionWith(frame.Add ?? []);
        }

        foreach (var (element, i) in spec.Elements.Select((e, i) => (e, i)))
        {
            if (!shown.Contains(element.Id))
            {
                error($"/elements/{i}", $"element '{element.Id}' is never added by a frame, so it is never shown.");
            }
        }
    }

    /// <summary>The width and height an element occupies (arrays: all their cells; text: an estimate).</summary>
    internal static (double Width, double Height) Extent(DiagramElement e) => e.Role switch
    {
        "array" when e.Direction == "vertical" => (e.CellWidth ?? 0, (e.CellHeight ?? 0) * (e.Cells?.Count ?? 0)),
        "array" => ((e.CellWidth ?? 0) * (e.Cells?.Count ?? 0), e.CellHeight ?? 0),
        "label" or "code" => (0, 0),
        _ => (e.Width ?? 0, e.Height ?? 0),
    };
}
