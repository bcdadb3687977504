using System.Text.Json;
using Pynsights.Api.Content;

namespace Pynsights.Api.Benchmarks;

/// <summary>
/// Loads <c>content/benchmarks/*.json</c> with their scripts, checking what a chart needs: the fields, a script beside
/// each result, series that match the x axis, and the environment the numbers were measured on.
/// </summary>
public static class BenchmarkLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Required = ["id", "title", "topic", "unit", "kind", "series", "environment"];
    private static readonly string[] EnvironmentRequired = ["python", "implementation", "platform", "cpuCount"];

    public static Dictionary<string, BenchmarkResult> Load(string root, Func<string, string> display, List<ContentError> errors)
    {
        var results = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        var dir = Path.Combine(root, "benchmarks");
        if (!Directory.Exists(dir))
        {
            return results;
        }

        foreach (var path in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var file = display(path);
            var stem = Path.GetFileNameWithoutExtension(path);
            var bytes = File.ReadAllBytes(path);
            var lines = JsonLines.Map(bytes);
            void Error(string pointer, string message) => errors.Add(new ContentError(file, JsonLines.LineOf(lines, pointer), message));

            BenchmarkResult? result;
            try
            {
                using var document = JsonDocument.Parse(bytes);
                var root0 = document.RootElement;
                var missing = Required.Where(k => !root0.TryGetProperty(k, out _)).ToList();
                if (missing.Count > 0)
                {
                    Error("", $"missing field(s): {string.Join(", ", missing)}.");
                    continue;
                }

                result = root0.Deserialize<BenchmarkResult>(Json);
            }
            catch (JsonException e)
            {
                errors.Add(new ContentError(file, (int)(e.LineNumber ?? 0) + 1, $"invalid benchmark JSON: {e.Message}"));
                continue;
            }

            if (result is null)
            {
                continue;
            }

            var before = errors.Count;
            if (result.Id != stem)
            {
                Error("/id", $"id '{result.Id}' must match the file name '{stem}.json'.");
            }

            if (result.Kind is not ("bar" or "line"))
            {
                Error("/kind", $"kind must be 'bar' or 'line' (got '{result.Kind}').");
            }

            if (result.Kind == "line" && result.X is null)
            {
                Error("", "a line chart needs 'x' with its label and values.");
            }

            if (result.Series.Count == 0)
            {
                Error("/series", "needs at least one series.");
            }

            for (var i = 0; i < result.Series.Count; i++)
            {
                var expected = result.X?.Values.Count ?? 1;
                if (result.Series[i].Values.Count != expected)
                {
                    Error($"/series/{i}/values", $"series '{result.Series[i].Name}' has {result.Series[i].Values.Count} values; the x axis has {expected}.");
                }
            }

            foreach (var key in EnvironmentRequired.Where(k => !result.Environment.ContainsKey(k)))
            {
                Error("/environment", $"environment lacks '{key}': say what the numbers were measured on.");
            }

            var script = Path.ChangeExtension(path, ".py");
            if (!File.Exists(script))
            {
                Error("", $"the script that measured it is missing: content/benchmarks/{stem}.py.");
            }

            if (errors.Count == before)
            {
                results[result.Id] = result with { Script = File.ReadAllText(script) };
            }
        }

        return results;
    }
}
