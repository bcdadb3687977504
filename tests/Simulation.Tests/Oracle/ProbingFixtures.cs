using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>The per-version probing fixtures written by tests/oracle/probing.py.</summary>
internal static class ProbingFixtures
{
    /// <summary>(version, case index) for every fixture file of <paramref name="simulator"/> present.</summary>
    public static TheoryData<string, int> Cases(string simulator)
    {
        var data = new TheoryData<string, int>();
        foreach (var version in new[] { "3.10", "3.11", "3.12", "3.13" })
        {
            var file = FileName(simulator, version);
            if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "fixtures", file)))
            {
                continue;
            }

            for (var i = 0; i < Fixtures.Cases(file).Count; i++)
            {
                data.Add(version, i);
            }
        }

        return data;
    }

    /// <summary>Expands a "scale-" case's ranges: each key/value with {i} for i in range(from, to, step).</summary>
    private static JsonArray Expand(JsonArray ranges)
    {
        var operations = new JsonArray();
        foreach (var range in ranges)
        {
            var to = range!["to"]!.GetValue<int>();
            var step = range["step"]!.GetValue<int>();
            for (var i = range["from"]!.GetValue<int>(); i < to; i += step)
            {
                var text = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var op = new JsonObject { ["op"] = range["op"]!.GetValue<string>(), ["key"] = range["key"]!.GetValue<string>().Replace("{i}", text, StringComparison.Ordinal) };
                if (range["value"] is { } value)
                {
                    op["value"] = value.GetValue<string>().Replace("{i}", text, StringComparison.Ordinal);
                }

                operations.Add(op);
            }
        }

        return operations;
    }

    public static string FileName(string simulator, string version) => $"{simulator}-{version}.json";

    /// <summary>Runs the fixture's operations and checks every field of <paramref name="fields"/> against CPython.</summary>
    public static void Check(ISimulator simulator, string version, int index, params string[] fields)
    {
        var fixture = Fixtures.Cases(FileName(simulator.Descriptor.Id, version))[index]!;
        Assert.True(PythonVersion.TryParse(version, out var pythonVersion));
        var operations = fixture["operations"]?.DeepClone() ?? Expand(fixture["ranges"]!.AsArray());
        var input = new JsonObject { ["operations"] = operations, ["hashSeed"] = fixture["hashSeed"]!.DeepClone() };
        var (result, steps) = Fixtures.Run(simulator, input, pythonVersion);
        var expected = fixture["expected"]!;
        var label = $"{fixture["name"]} (seed {fixture["hashSeed"]}, {version})";
        foreach (var field in fields)
        {
            if (expected[field] is null && field != "error")
            {
                // "scale-" cases keep only the sizes.
                continue;
            }

            var want = expected[field]?.ToJsonString() ?? "null";
            var got = result[field]?.ToJsonString() ?? "null";
            Assert.True(want == got, $"{label}: {field}\n expected {want}\n      got {got}");
        }

        if (expected["error"] is not null)
        {
            Assert.Equal("exception", steps[^1].Kind);
        }
    }
}
