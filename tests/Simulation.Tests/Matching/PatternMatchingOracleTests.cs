using System.Text.Json.Nodes;
using Pynsights.Simulation.Matching;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Matching;

/// <summary>fixtures/pattern-matching-3.X.json, written by each CPython on this machine, against the simulator.</summary>
public sealed class PatternMatchingOracleTests
{
    [Theory]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void MatchesEveryCPythonFixture(string pythonVersion)
    {
        Assert.True(PythonVersion.TryParse(pythonVersion, out var version));
        Harness.AssertEveryCase(new PatternMatchingSimulator(), $"pattern-matching-{pythonVersion}.json", version, 1495,
            (expected, steps, result) => expected["error"] is { } error
                ? JsonNode.DeepEquals(error, result["error"]) && steps[^1].Kind == "exception"
                : JsonNode.DeepEquals(expected["matched"], result["matched"]) && JsonNode.DeepEquals(expected["bindings"], result["bindings"])
                  && result["error"] is null);
    }

    [Theory]
    [InlineData("""{"source": "match x:\n    case str(upper=u):\n        pass\n", "subject": "'a'"}""", "source")]
    [InlineData("""{"source": "match x:\n    case len():\n        pass\n", "subject": "1"}""", "source")]
    [InlineData("""{"source": "x = 1", "subject": "1"}""", "source")]
    [InlineData("""{"source": "match x:\n    case _:\n        pass\n", "subject": "{1, 2}"}""", "subject")]
    [InlineData("""{"source": "@dataclass\nclass P:\n    x: int\nmatch x:\n    case _:\n        pass\n", "subject": "1"}""", "source")]
    [InlineData("""{"source": "class P(int):\n    pass\nmatch x:\n    case _:\n        pass\n", "subject": "1"}""", "source")]
    [InlineData("""{"source": "class P:\n    def __eq__(self, other):\n        return True\nmatch x:\n    case _:\n        pass\n", "subject": "P()"}""", "source")]
    [InlineData("""{"source": "class P:\n    def __init__(self, x):\n        print(x)\nmatch x:\n    case _:\n        pass\n", "subject": "P(1)"}""", "source")]
    [InlineData("""{"source": "class P:\n    def f(self):\n        pass\nmatch x:\n    case P(f=m):\n        pass\n", "subject": "P()"}""", "source")]
    [InlineData("""{"source": "class P:\n    pass\nmatch x:\n    case P(__class__=c):\n        pass\n", "subject": "P()"}""", "source")]
    [InlineData("""{"source": "class P:\n    pass\nmatch x:\n    case _:\n        pass\n", "subject": "P(*[1])"}""", "subject")]
    public void ReportsWhatIsNotModelled(string json, string field)
    {
        var problems = Harness.Problems(new PatternMatchingSimulator(), json);
        Assert.Contains(problems, p => p.Field == field);
    }
}
