using System.Text.Json.Nodes;
using Pynsights.Simulation.Python;

namespace Pynsights.Simulation.Tests.Python;

/// <summary>Mutated snippets of the corpus: the front end answers with a tree or a diagnostic, never an exception.</summary>
public sealed class PythonSyntaxFuzzTests
{
    private const string Alphabet = "()[]{}:;,.=+-*/%@&|^~<>!'\"\\#\n\t abcxyz_019eEjJrbuf*lambda if else for in not is match case def class return";

    [Fact]
    public void NeverThrowsOnMutatedSource()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "python-ast.json")))!;
        var sources = document["cases"]!.AsArray().Concat(document["rejected"]!.AsArray()).Select(c => (string)c!["source"]!).ToList();
        var random = new Random(7);
        var failures = new List<string>();
        for (var round = 0; round < 40; round++)
        {
            foreach (var source in sources)
            {
                var text = Mutate(source, random);
                try
                {
                    var parsed = PythonSyntax.Parse(text);
                    if (parsed.Module is { } module)
                    {
                        _ = AstDump.Dump(module, includeAttributes: true);
                    }
                }
#pragma warning disable CA1031 // the point is to catch whatever escapes
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add($"{System.Text.Json.JsonSerializer.Serialize(text)}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} inputs threw:\n{string.Join("\n", failures.Distinct().Take(20))}");
    }

    private static string Mutate(string source, Random random)
    {
        var chars = source.ToList();
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when chars.Count > 0:
                    chars.RemoveAt(Math.Min(at, chars.Count - 1));
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                default:
                    if (chars.Count > 0)
                    {
                        chars[Math.Min(at, chars.Count - 1)] = Alphabet[random.Next(Alphabet.Length)];
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }
}
