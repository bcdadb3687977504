using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests;

/// <summary>
/// <see cref="Step.WriteTo"/> is how traces are stored; it must give, byte for byte, the JSON that serializing the
/// step's public parts gives, for steps made whole and for the dict steps that make their parts on demand.
/// </summary>
public sealed class StepJsonTests
{
    public static TheoryData<string> Simulators => [.. SimulatorCatalog.Default.All.Select(s => s.Descriptor.Id)];

    [Theory]
    [MemberData(nameof(Simulators))]
    public void EveryExampleWritesWhatSerializingItsPartsGives(string id)
    {
        var simulator = SimulatorCatalog.Default.Find(id)!;
        foreach (var version in PythonVersion.All)
        {
            foreach (var example in simulator.Descriptor.Examples)
            {
                AssertWritesAsSerialized(simulator, example, version);
            }
        }
    }

    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.13")]
    [InlineData("3.13t")]
    public void LargeDictStepsWriteWhatSerializingTheirPartsGives(string versionText)
    {
        Assert.True(PythonVersion.TryParse(versionText, out var version));
        var operations = new JsonArray();
        for (var i = 0; i < 700; i++)
        {
            operations.Add(new JsonObject { ["op"] = "set", ["key"] = i % 3 == 0 ? $"'k{i}\\u00e9\"'" : $"{i * 7919}", ["value"] = $"{i}" });
        }

        for (var i = 1; i < 700; i += 3)
        {
            operations.Add(new JsonObject { ["op"] = "delete", ["key"] = $"{i * 7919}" });
        }

        for (var i = 1; i < 700; i += 3)
        {
            // New keys with the deleted keys' low bits: their probes start at the dummies the deletes left.
            operations.Add(new JsonObject { ["op"] = "set", ["key"] = $"{(i * 7919) + (1L << 40)}", ["value"] = "None" });
        }

        foreach (var (op, key) in new[] { ("get", "5"), ("contains", "-1"), ("pop", "15838"), ("popitem", null), ("setdefault", "'x'"), ("get", "[1]") })
        {
            operations.Add(key is null ? new JsonObject { ["op"] = op } : new JsonObject { ["op"] = op, ["key"] = key });
        }

        var steps = AssertWritesAsSerialized(SimulatorCatalog.Default.Find("dict-probing")!, new JsonObject { ["operations"] = operations }, version);
        Assert.Contains(steps, s => s.Kind == "probe" && s.Message.StartsWith("perturb >>= 5", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Kind == "dummy");
        Assert.Equal("exception", steps[^1].Kind);
    }

    private static List<Step> AssertWritesAsSerialized(ISimulator simulator, JsonNode input, PythonVersion version)
    {
        var (steps, _) = Harness.Run(simulator, input, version);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var step in steps)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, SimulationJson.WriterOptions))
            {
                step.WriteTo(writer);
            }

            var serialized = JsonSerializer.Serialize(step, SimulationJson.Options);
            Assert.True(serialized == Encoding.UTF8.GetString(buffer.WrittenSpan),
                $"{simulator.Descriptor.Id} {version} step {step.Index}:\n  serialized {serialized}\n  written    {Encoding.UTF8.GetString(buffer.WrittenSpan)}");
        }

        return steps;
    }
}
