using System.Text.Json.Nodes;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Tests.Python;

/// <summary>fixtures/python-ast.json (CPython 3.11's ast.parse) against the front end.</summary>
public sealed class PythonAstOracleTests
{
    private static JsonNode Document() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "python-ast.json")))!;

    [Fact]
    public void DumpsEveryAcceptedSnippetLikeCPython()
    {
        var cases = Document()["cases"]!.AsArray();
        Assert.True(cases.Count >= 150);
        var failures = new List<string>();
        foreach (var item in cases)
        {
            var source = (string)item!["source"]!;
            var parsed = PythonSyntax.Parse(source);
            if (parsed.Module is null)
            {
                failures.Add($"{source}\n  rejected: {parsed.Diagnostic}");
                continue;
            }

            var dump = AstDump.Dump(parsed.Module);
            if (dump != (string)item["dump"]!)
            {
                failures.Add($"{source}\n  want {item["dump"]}\n  got  {dump}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} differ:\n{string.Join("\n", failures.Take(30))}");
    }

    [Fact]
    public void PutsEveryNodeWhereCPythonDoes()
    {
        var cases = Document()["cases"]!.AsArray();
        var failures = new List<string>();
        foreach (var item in cases)
        {
            var source = (string)item!["source"]!;
            if (PythonSyntax.Parse(source).Module is not { } module)
            {
                continue;
            }

            var dump = AstDump.Dump(module, includeAttributes: true);
            if (dump != (string)item["attributes"]!)
            {
                failures.Add($"{source}\n  want {item["attributes"]}\n  got  {dump}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} differ:\n{string.Join("\n", failures.Take(15))}");
    }

    [Fact]
    public void RejectsEverySyntaxErrorOnCPythonsLine()
    {
        var rejected = Document()["rejected"]!.AsArray();
        var failures = new List<string>();
        foreach (var item in rejected)
        {
            var source = (string)item!["source"]!;
            var parsed = PythonSyntax.Parse(source);
            var line = (int)item["line"]!;
            if (parsed.Diagnostic is not { Unsupported: false } diagnostic || diagnostic.Line != line)
            {
                failures.Add($"{source}\n  want {item["type"]} line {line}: {item["message"]}\n  got  {(object?)parsed.Diagnostic ?? "accepted"}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {rejected.Count} differ:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void ReportsValidPythonOutsideTheSubsetAsUnsupported()
    {
        foreach (var item in Document()["unsupported"]!.AsArray())
        {
            var source = (string)item!["source"]!;
            var parsed = PythonSyntax.Parse(source);
            Assert.True(parsed.Diagnostic is { Unsupported: true }, $"{source}: {(object?)parsed.Diagnostic ?? "accepted"}");
            Assert.EndsWith("not supported by Pynsights yet", parsed.Diagnostic!.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Random edits of the corpus, judged by CPython: what it parses we dump identically or call unsupported;
    /// what it rejects we never accept.
    /// </summary>
    [Fact]
    public void AgreesWithCPythonOnMutatedSnippets()
    {
        var mutations = Document()["mutations"]!.AsArray();
        Assert.True(mutations.Count >= 3000);
        var failures = new List<string>();
        foreach (var item in mutations)
        {
            var source = (string)item!["source"]!;
            var parsed = PythonSyntax.Parse(source);
            if (item["dump"] is { } dump)
            {
                if (parsed.Module is { } module ? AstDump.Dump(module) != (string)dump! : parsed.Diagnostic is not { Unsupported: true })
                {
                    failures.Add($"{System.Text.Json.JsonSerializer.Serialize(source)}\n  CPython accepts: {dump}\n  we: {(parsed.Module is null ? parsed.Diagnostic : AstDump.Dump(parsed.Module))}");
                }
            }
            else if (parsed.Module is not null)
            {
                failures.Add($"{System.Text.Json.JsonSerializer.Serialize(source)}\n  CPython rejects ({item["error"]} line {item["line"]}) but we accept: {AstDump.Dump(parsed.Module)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations.Count} differ:\n{string.Join("\n", failures.Take(25))}");
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("(((((")]
    [InlineData("def")]
    [InlineData("match")]
    [InlineData("match x:")]
    [InlineData("class")]
    [InlineData("\\")]
    [InlineData("x = '\\")]
    [InlineData("lambda")]
    [InlineData("@")]
    [InlineData("f(")]
    [InlineData("\t\tx\n  y")]
    public void NeverThrows(string source)
    {
        var parsed = PythonSyntax.Parse(source);
        Assert.True(parsed.Module is not null || parsed.Diagnostic is not null);
    }
}
