using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Hashing;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Hashing;

/// <summary>
/// Version differences, each from the C source and checked against the pyenv interpreters 3.10.13 and 3.12.1
/// on the build machine (values in the comments were printed by them).
/// </summary>
public sealed class HashVersionTests
{
    private static JsonNode Hashes(PythonVersion version, uint seed, params string[] values)
    {
        var input = new JsonObject { ["values"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]), ["hashSeed"] = seed };
        return Fixtures.Run(new HashSimulator(), input, version).Result["hashes"]!;
    }

    [Fact]
    public void Python310HashesStrWithSipHash24()
    {
        // Include/pyhash.h 3.10: Py_HASH_ALGORITHM defaults to Py_HASH_SIPHASH24 (SipHash-1-3 only from 3.11, bpo-29410).
        var hashes = Hashes(PythonVersion.V310, 42, "'abc'", "b'\\x00\\xff'", "'😀'");
        Assert.Equal("-4501618152524544106", hashes[0]!["hash"]!.GetValue<string>());
        Assert.Equal("8641829334378042644", hashes[1]!["hash"]!.GetValue<string>());
        Assert.Equal("-906987714113553107", hashes[2]!["hash"]!.GetValue<string>());
        Assert.Equal("4596069200710135518", Hashes(PythonVersion.V310, 0, "'abc'")[0]!["hash"]!.GetValue<string>());
    }

    [Fact]
    public void Python312HashesNoneToAConstant()
    {
        // Objects/object.c 3.12: none_hash returns 0xFCA86420 (gh-99540); before, _Py_HashPointer(None).
        Assert.Equal("4238894112", Hashes(PythonVersion.V312, 42, "None")[0]!["hash"]!.GetValue<string>());
        Assert.Equal("4238894112", Hashes(PythonVersion.V314T, 0, "None")[0]!["hash"]!.GetValue<string>());
        var old = Hashes(PythonVersion.V311, 0, "None")[0]!;
        Assert.Null(old["hash"]);
        Assert.Contains("address", old["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("3869580338025362921", Hashes(PythonVersion.V312, 42, "'abc'")[0]!["hash"]!.GetValue<string>());
    }

    [Fact]
    public void NanHashIsAddressBasedInEveryModelledVersion()
    {
        // Python/pyhash.c _Py_HashDouble: since 3.10 (bpo-43475) a NaN returns _Py_HashPointer(inst).
        foreach (var version in PythonVersion.All)
        {
            Assert.Null(Hashes(version, 0, "float('nan')")[0]!["hash"]);
        }
    }

    [Fact]
    public void ResultSerializesToThePublicShape()
    {
        var input = new JsonObject { ["values"] = new JsonArray("-1", "[1]") };
        var (result, _) = Fixtures.Run(new HashSimulator(), input, PythonVersion.V313);
        Assert.Equal(
            """{"hashes":[{"value":"-1","type":"int","hash":"-2","explanation":null}],"error":{"type":"TypeError","message":"unhashable type: \u0027list\u0027"}}""",
            result.ToJsonString());
    }

    [Theory]
    [InlineData("1 +", 4)]
    [InlineData("'abc", 1)]
    [InlineData("012", 1)]
    [InlineData("(1, 2", 1)]
    [InlineData("foo", 1)]
    [InlineData("'\\N{BULLET}'", 2)]
    [InlineData("1_", 2)]
    public void TyposAreInputProblemsWithTheColumn(string text, int column)
    {
        var input = JsonDocument.Parse(new JsonObject { ["values"] = new JsonArray(text) }.ToJsonString()).RootElement;
        Assert.Null(new HashSimulator().Prepare(input, PythonVersion.V311, out var problems));
        var problem = Assert.Single(problems);
        Assert.Equal("values[0]", problem.Field);
        Assert.Equal(column, problem.Column);
    }
}
