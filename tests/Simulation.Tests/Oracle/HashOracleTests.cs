using System.Text.Json.Nodes;
using Pynsights.Simulation.Hashing;

namespace Pynsights.Simulation.Tests.Oracle;

public sealed class HashOracleTests
{
    public static TheoryData<int> Cases => Fixtures.Indexes("hash.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void HashMatchesCPython311(int index)
    {
        var fixture = Fixtures.Cases("hash.json")[index]!;
        var input = new JsonObject { ["values"] = fixture["values"]!.DeepClone(), ["hashSeed"] = fixture["hashSeed"]!.DeepClone() };
        var (result, steps) = Fixtures.Run(new HashSimulator(), input, PythonVersion.V311);
        var expected = fixture["expected"]!.AsArray();
        var hashes = result["hashes"]!.AsArray();
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i]!;
            var text = fixture["values"]![i]!.GetValue<string>();
            if (want["error"] is { } error)
            {
                Assert.Equal(i, hashes.Count);
                Assert.Equal(error.ToJsonString(), result["error"]!.ToJsonString());
                Assert.Equal("exception", steps[^1].Kind);
                return;
            }

            var got = hashes[i]!;
            Assert.True(want["value"]!.GetValue<string>() == got["value"]!.GetValue<string>(), $"repr of {text}: {got["value"]} vs {want["value"]}");
            Assert.Equal(want["type"]!.GetValue<string>(), got["type"]!.GetValue<string>());
            Assert.True(want["hash"]!.GetValue<string>() == got["hash"]?.GetValue<string>(), $"hash of {text} (seed {fixture["hashSeed"]}): {got["hash"]} vs {want["hash"]}");
        }

        Assert.Null(result["error"]);
    }
}
