using System.Text.Json.Nodes;
using Pynsights.Simulation.Matching;
using Pynsights.Simulation.Tests.Oracle;

namespace Pynsights.Simulation.Tests.Matching;

/// <summary>The steps a class pattern shows: isinstance, __match_args__, each attribute fetched, each sub-pattern.</summary>
public sealed class PatternMatchingClassTraceTests
{
    private const string Points =
        "class Point:\n    __match_args__ = ('x', 'y')\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\n"
        + "class Point3D(Point):\n    def __init__(self, x, y, z=0):\n        super().__init__(x, y)\n        self.z = z\n\n"
        + "match p:\n    case Point(0, y):\n        pass\n    case Point3D(x, y, z=z):\n        pass\n";

    [Fact]
    public void ShowsEachCheckOfAClassPattern()
    {
        var (steps, result) = Harness.Run(new PatternMatchingSimulator(), new JsonObject { ["source"] = Points, ["subject"] = "Point3D(1, 2, 3)" }, PythonVersion.V311);

        Assert.Equal("""{"matched":1,"bindings":{"x":"1","y":"2","z":"3"},"error":null}""", result.ToJsonString());
        Assert.Equal(
            ["class", "class", "construct", "init", "super", "init", "init", "init", "init", "subject",
             "case", "check", "match-args", "attribute", "attribute", "check",
             "case", "check", "match-args", "attribute", "attribute", "attribute", "capture", "capture", "capture", "result"],
            steps.Select(s => s.Kind));
        var isinstance = steps[17];
        Assert.Equal("Point3D(x, y, z=z): isinstance(<__main__.Point3D object at 0x...>, Point3D), i.e. is Point3D in Point3D.__mro__ = (Point3D, Point, object)? — yes.", isinstance.Message);
        Assert.Equal("https://github.com/python/cpython/blob/v3.11.2/Python/ceval.c#L1014", isinstance.Source?.Url);
        Assert.Equal("Point3D(x, y, z=z): 2 positional sub-patterns, so Point3D.__match_args__ is looked up: ('x', 'y'), inherited from Point.", steps[18].Message);
        Assert.Equal("https://github.com/python/cpython/blob/v3.11.2/Python/ceval.c#L990", steps[21].Source?.Url);
    }

    [Theory]
    [InlineData("class P:\n    __match_args__ = ['a']\n    a = 1\n", "P(v)", "P()", "P.__match_args__ must be a tuple (got list)")]
    [InlineData("class P:\n    __match_args__ = ('a',)\n    a = 1\n", "P(v, a=w)", "P()", "P() got multiple sub-patterns for attribute 'a'")]
    [InlineData("class P:\n    pass\n", "P(v)", "P()", "P() accepts 0 positional sub-patterns (1 given)")]
    [InlineData("class P:\n    pass\n", "P.a", "P()", null)]
    public void EndsInCPythonsTypeError(string classes, string pattern, string subject, string? typeError)
    {
        var (steps, result) = Harness.Run(new PatternMatchingSimulator(),
            new JsonObject { ["source"] = $"{classes}match x:\n    case {pattern}:\n        pass\n", ["subject"] = subject }, PythonVersion.V313);

        Assert.Equal("exception", steps[^1].Kind);
        Assert.Equal(typeError is null ? "AttributeError" : "TypeError", (string?)result["error"]!["type"]);
        Assert.Equal(typeError ?? "type object 'P' has no attribute 'a'", (string?)result["error"]!["message"]);
    }
}
