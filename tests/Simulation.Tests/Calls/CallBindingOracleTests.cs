using System.Text.Json;
using System.Text.Json.Nodes;
using Pynsights.Simulation.Calls;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Calls;

/// <summary>fixtures/call-binding-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class CallBindingOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new CallBindingSimulator(), $"call-binding-{pythonVersion}.json", version, 2000,
            (expected, steps, result) => expected["error"] is { } error
                ? JsonNode.DeepEquals(error, result["error"]) && result["arguments"] is null && steps[^1].Kind == "exception"
                : JsonNode.DeepEquals(expected["arguments"], result["arguments"]) && result["error"] is null
                  && expected["arguments"]!.AsObject().Select(p => p.Key).SequenceEqual(result["arguments"]!.AsObject().Select(p => p.Key)), shown: 25);
    }

    [Fact]
    public void SerializesTheContractShape()
    {
        var (steps, result) = Harness.Run(new CallBindingSimulator(),
            new JsonObject { ["parameters"] = "(a, b=2, /, c=3, *args, d, **kw)", ["arguments"] = "1, d=4, e=5" }, PythonVersion.V311);
        var expected = JsonNode.Parse("""{"arguments":{"a":"1","b":"2","c":"3","d":"4","args":"()","kw":"{'e': 5}"},"error":null}""");
        Assert.True(JsonNode.DeepEquals(expected, result), result.ToJsonString());
        Assert.Equal(["arguments", "error"], result.AsObject().Select(p => p.Key));
        var state = JsonSerializer.SerializeToNode(steps[0].State, Harness.Web)!.AsObject();
        Assert.Equal(["parameters", "positional", "keywords", "varArgs", "varKeywords"], state.Select(p => p.Key));
        Assert.Equal("bound", steps[^1].Kind);
        Assert.Contains(steps, s => s.Source?.Url == "https://github.com/python/cpython/blob/v3.11.2/Python/ceval.c#L6159");
    }

    [Theory]
    [InlineData("""{"parameters": "(a", "arguments": "1"}""", "parameters")]
    [InlineData("""{"parameters": "(a)", "arguments": "x"}""", "arguments")]
    [InlineData("""{"parameters": "(a)", "arguments": "*{1, 2}"}""", "arguments")]
    [InlineData("""{"parameters": "(a: foo)", "arguments": "1"}""", "parameters")]
    [InlineData("""{"parameters": "(a=b)", "arguments": "1"}""", "parameters")]
    [InlineData("""{"parameters": "(a)", "arguments": "f'{1}'"}""", "arguments")]
    [InlineData("""{"arguments": "1"}""", "parameters")]
    public void ReportsInputProblemsWithTheField(string json, string field)
    {
        var problems = Harness.Problems(new CallBindingSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void FollowsThe313SuggestionOnlyFrom313()
    {
        var input = new JsonObject { ["parameters"] = "(value, *, verbose=False)", ["arguments"] = "1, verbos=True" };
        Assert.Equal("f() got an unexpected keyword argument 'verbos'",
            (string?)Harness.Run(new CallBindingSimulator(), input, PythonVersion.V312).Result["error"]!["message"]);
        Assert.Equal("f() got an unexpected keyword argument 'verbos'. Did you mean 'verbose'?",
            (string?)Harness.Run(new CallBindingSimulator(), input, PythonVersion.V314).Result["error"]!["message"]);
    }
}
