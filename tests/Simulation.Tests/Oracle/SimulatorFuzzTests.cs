using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Tests.Oracle;

/// <summary>
/// Every code-taking simulator, fed mutated versions of its examples on every version: an input problem or a
/// finished trace, never an exception (which the API would turn into a 500).
/// </summary>
public sealed class SimulatorFuzzTests
{
    private const string Alphabet = "()[]{}:;,.=+-*/%@&|^~<>!'\"#\n abcxyz_019*kwargsNoneTrue ifelsefor in not is match case def class return lambda nonlocal global";

    [Theory]
    [InlineData("call-binding")]
    [InlineData("mro")]
    [InlineData("mutable-defaults")]
    [InlineData("operator-dispatch")]
    [InlineData("pattern-matching")]
    [InlineData("attribute-lookup")]
    [InlineData("closures")]
    public void NeverThrows(string id)
    {
        var simulator = SimulatorCatalog.Default.Find(id)!;
        var random = new Random(id.Length * 31);
        var failures = new List<string>();
        foreach (var example in simulator.Descriptor.Examples)
        {
            for (var round = 0; round < 150; round++)
            {
                var input = (JsonObject)example.DeepClone();
                foreach (var key in input.Select(p => p.Key).ToList())
                {
                    if (input[key] is JsonValue value && value.TryGetValue<string>(out var text) && random.Next(2) == 0)
                    {
                        input[key] = Mutate(text, random);
                    }
                }

                var version = PythonVersion.All[random.Next(PythonVersion.All.Count)];
                try
                {
                    using var document = JsonDocument.Parse(input.ToJsonString());
                    if (simulator.Prepare(document.RootElement, version, out _) is { } run)
                    {
                        _ = run.Steps().Count();
                        _ = JsonSerializer.Serialize(run.Result, Harness.Web);
                    }
                }
#pragma warning disable CA1031 // the point is to catch whatever escapes
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add($"{input.ToJsonString()} ({version}): {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} inputs threw:\n{string.Join("\n", failures.Take(10))}");
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToList();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(chars.Count + 1);
            if (random.Next(3) == 0 && chars.Count > 0)
            {
                chars.RemoveAt(Math.Min(at, chars.Count - 1));
            }
            else
            {
                chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return new string([.. chars]);
    }
}
