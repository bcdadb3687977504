using System.Diagnostics;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace Pynsights.Api.Tests.Content;

/// <summary>
/// Every ```python block of every guide runs on the machine's CPython and prints exactly the ```output block that
/// follows it. A block whose first line is <c># requires: 3.N</c> is skipped, with that reason, on an older Python.
/// A guide whose example lies fails CI.
/// </summary>
public sealed partial class GuideCodeBlockTests
{
    private static readonly Lazy<Version> Python = new(() => Version.Parse(Run("import platform; print(platform.python_version())").Stdout.Trim()));

    [GeneratedRegex(@"^#\s*requires:\s*(3\.\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Requires();

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, block) in AllBlocks())
        {
            data.Add(file, block.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void PythonBlockPrintsWhatTheGuideSays(string file, int line)
    {
        var block = AllBlocks().Single(b => b.File == file && b.Block.Line == line).Block;
        var firstLine = block.Code.Split('\n')[0];
        if (Requires().Match(firstLine) is { Success: true } match)
        {
            var needed = Version.Parse(match.Groups[1].Value);
            if (Python.Value < needed)
            {
                Assert.Skip($"{file}:{line} requires Python {needed}; this machine has {Python.Value}.");
            }
        }

        var (stdout, stderr, exit) = Run(block.Code);
        Assert.True(exit == 0, $"{file}:{line} exited with {exit}:\n{stderr}");
        Assert.True(block.Output is not null || stdout.Length == 0, $"{file}:{line} prints but has no ```output block after it:\n{stdout}");
        Assert.Equal((block.Output ?? "").TrimEnd('\n'), stdout.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void ThePublishedGuidesHaveCodeThatRuns() => Assert.True(AllBlocks().Count() >= 10, "the published guides should show runnable examples");

    private sealed record CodeBlock(int Line, string Code, string? Output);

    private static IEnumerable<(string File, CodeBlock Block)> AllBlocks()
    {
        var pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestPaths.RealContent, "topics"), "*.md").Order(StringComparer.Ordinal))
        {
            var document = Markdown.Parse(File.ReadAllText(path), pipeline);
            var blocks = document.Descendants<FencedCodeBlock>().ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].Info != "python")
                {
                    continue;
                }

                var next = i + 1 < blocks.Count && blocks[i + 1].Info == "output" ? blocks[i + 1] : null;
                yield return ($"content/topics/{Path.GetFileName(path)}", new CodeBlock(blocks[i].Line + 1, blocks[i].Lines.ToString(), next?.Lines.ToString()));
            }
        }
    }

    private static (string Stdout, string Stderr, int Exit) Run(string code)
    {
        var start = new ProcessStartInfo("python3", ["-X", "utf8", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PYTHONHASHSEED"] = "0", ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(code);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            return ("", "timed out after 30 s", -1);
        }

        return (stdout.Result, stderr.Result, process.ExitCode);
    }
}
