using Pynsights.Api.Content;
using Pynsights.Simulation;

namespace Pynsights.Api.Tests.Content;

/// <summary>Every mistake an author can make fails with <c>file:line: what is wrong</c>.</summary>
public sealed class ContentValidationTests : IDisposable
{
    private readonly ContentSandbox _sandbox = new();
    private readonly ContentLoader _loader = new(SimulatorCatalog.Default, TimeProvider.System);

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void TheRealManualIsValidAndMapsAll27Topics()
    {
        var catalog = _loader.Load(TestPaths.RealContent);

        Assert.Equal(27, catalog.Topics.Count);
        Assert.Equal(8, catalog.Sections.Count);
        Assert.Equal(Enumerable.Range(1, 27), catalog.Topics.Select(t => t.Order));
        Assert.All(catalog.Topics, t => Assert.True(t.Status == TopicStatus.Published, $"{t.Id} is still planned"));
        Assert.All(catalog.Topics.Where(t => t.Status == TopicStatus.Planned), t => Assert.Null(t.Guide));
        Assert.All(catalog.Topics.Where(t => t.Status == TopicStatus.Published), t =>
        {
            Assert.InRange(t.Guide!.WordCount, 1200, 2600);
            Assert.Contains(t.References, r => r.Kind == ReferenceKind.Docs);
            Assert.Contains(t.References, r => r.Kind == ReferenceKind.Pep);
            Assert.Contains(t.References, r => r.Kind == ReferenceKind.Cpython);
            Assert.NotEmpty(t.Diagrams);
        });
    }

    [Fact]
    public void EverySimulatorServesTopicsThatExistAndListIt()
    {
        var catalog = _loader.Load(TestPaths.RealContent);
        Assert.All(SimulatorCatalog.Default.All, simulator =>
        {
            Assert.NotEmpty(simulator.Descriptor.Topics);
            Assert.All(simulator.Descriptor.Topics, id => Assert.Contains(simulator.Descriptor.Id, catalog.FindTopic(id)!.Simulations));
        });
    }

    [Fact]
    public void ATopicASimulatorServesMustListIt()
    {
        var catalog = new SimulatorCatalog([.. SimulatorCatalog.Default.All, new FakeSimulator("probe-demo", "dicts")]);
        var errors = new List<ContentError>();
        new ContentLoader(catalog, TimeProvider.System).TryLoad(_sandbox.Root, errors);
        Assert.Contains(errors, e => e.ToString().Contains("dicts.md:1: simulator 'probe-demo' serves this topic", StringComparison.Ordinal));
    }

    [Fact]
    public void TheFixtureCatalogLoads()
    {
        var catalog = _loader.Load(_sandbox.Root);
        Assert.Equal(["slicing", "dicts", "sets"], catalog.Topics.Select(t => t.Id));
        var slicing = catalog.FindTopic("slicing")!;
        Assert.Equal([(1, "Slicing", "slicing"), (2, "The indices", "the-indices"), (2, "Steps", "steps")],
            slicing.Guide!.Outline.Select(h => (h.Level, h.Text, h.Anchor)));
        Assert.Contains("<h2 id=\"the-indices\">The indices</h2>", slicing.Guide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYamlIsReportedAtItsLine()
    {
        _sandbox.Replace("topics/dicts.md", "tags: [dict]", "tags: [dict\n  oops: ]");
        AssertFails("content/topics/dicts.md:", "invalid YAML");
    }

    [Fact]
    public void AMissingFieldIsReported()
    {
        _sandbox.Replace("topics/dicts.md", "summary: \"Index table, entries and perturbed probing; slicing is elsewhere.\"\n", "");
        AssertFails("topics/dicts.md:2:", "missing required field 'summary'");
    }

    [Fact]
    public void AnUnknownSectionIsReportedAtItsLine()
    {
        _sandbox.Replace("topics/dicts.md", "section: data-structures", "section: data-structure");
        AssertFails("topics/dicts.md:4:", "unknown section 'data-structure'");
    }

    [Fact]
    public void AnUnknownFieldIsReported()
    {
        _sandbox.Replace("topics/dicts.md", "tags: [dict]", "tags: [dict]\ntagz: [x]");
        AssertFails("topics/dicts.md:10:", "unknown field 'tagz'");
    }

    [Fact]
    public void ADuplicateIdIsReported()
    {
        var text = File.ReadAllText(_sandbox.PathOf("topics/dicts.md"))
            .Replace("order: 2", "order: 9", StringComparison.Ordinal);
        _sandbox.Write("topics/dicts-copy.md", text);
        var errors = Errors();
        Assert.Contains(errors, e => e.Contains("dicts-copy.md:2: id 'dicts' must match the file name", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoTopicsWithTheSameIdAreReported()
    {
        var text = File.ReadAllText(_sandbox.PathOf("topics/dicts.md"));
        Directory.CreateDirectory(_sandbox.PathOf("topics"));
        _sandbox.Write("topics/zz.md", text.Replace("id: dicts", "id: zz", StringComparison.Ordinal).Replace("diagrams: [dict-table]", "diagrams: []", StringComparison.Ordinal));
        AssertFails("topics/zz.md:2:", "order 2 is already taken");
    }

    [Fact]
    public void ALinkToAMissingDiagramIsReported()
    {
        _sandbox.Replace("topics/dicts.md", "diagrams: [dict-table]", "diagrams: [dict-table, dict-index-table]");
        AssertFails("topics/dicts.md:12:", "diagram 'dict-index-table' does not exist");
    }

    [Fact]
    public void ALinkToAMissingSimulatorIsReported()
    {
        _sandbox.Replace("topics/sets.md", "simulations: []", "simulations: [no-such-simulator]");
        AssertFails("topics/sets.md:12:", "simulator 'no-such-simulator' does not exist");
    }

    [Fact]
    public void AMissingBenchmarkIsReported()
    {
        _sandbox.Replace("topics/dicts.md", "benchmarks: []", "benchmarks: [dict-vs-list]");
        AssertFails("topics/dicts.md:15:", "benchmark 'dict-vs-list' is missing content/benchmarks/dict-vs-list.py");
    }

    [Fact]
    public void AnUnpinnedCpythonReferenceIsReported()
    {
        _sandbox.Replace("topics/slicing.md", "blob/v3.13.1/Objects/sliceobject.c#L199", "blob/main/Objects/sliceobject.c#L199");
        AssertFails("topics/slicing.md:13:", "must be pinned to a release tag");
    }

    [Fact]
    public void AnUnpinnedCpythonLinkInTheGuideIsReportedAtItsLine()
    {
        _sandbox.Replace("topics/slicing.md", "blob/v3.13.1/Objects/sliceobject.c#L242", "blob/3.13/Objects/sliceobject.c#L242");
        AssertFails("topics/slicing.md:23:", "CPython link must be pinned");
    }

    [Fact]
    public void APlannedTopicWithAGuideIsReported()
    {
        File.AppendAllText(_sandbox.PathOf("topics/sets.md"), "\n## Pretending\n\nNot written yet.\n");
        AssertFails("topics/sets.md:", "a planned topic must not have a guide yet");
    }

    [Fact]
    public void APublishedTopicWithoutAGuideIsReported()
    {
        _sandbox.Replace("topics/sets.md", "status: planned", "status: published");
        AssertFails("topics/sets.md:", "a published topic needs a guide");
    }

    [Fact]
    public void ABadPythonVersionRangeIsReported()
    {
        _sandbox.Replace("topics/dicts.md", "{min: \"3.10\", max: \"3.14\"}", "{min: \"3.14\", max: \"3.9\"}");
        AssertFails("topics/dicts.md:8:", "pythonVersions.max '3.9' is not one of");
    }

    [Fact]
    public void ADuplicateSectionIsReported()
    {
        File.AppendAllText(_sandbox.PathOf("sections.yaml"), "- id: sequences\n  title: Again\n  order: 3\n  summary: Twice.\n");
        AssertFails("content/sections.yaml:", "duplicate section id 'sequences'");
    }

    [Fact]
    public void EveryErrorIsReportedNotJustTheFirst()
    {
        _sandbox.Replace("topics/dicts.md", "section: data-structures", "section: nowhere");
        _sandbox.Replace("topics/slicing.md", "status: published", "status: done");
        var errors = Errors();
        Assert.Contains(errors, e => e.Contains("dicts.md:4:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("slicing.md:6:", StringComparison.Ordinal));
    }

    [Fact]
    public void ABuiltSimulatorStillListedAsPlannedIsReported()
    {
        _sandbox.Replace("topics/sets.md", "plannedSimulations: []", "plannedSimulations: [set-probing]");
        AssertFails("topics/sets.md:13:", "simulator 'set-probing' is built: move it from plannedSimulations to simulations");
    }

    [Fact]
    public void ADiagramThatIsNotJsonIsReportedAtItsLine()
    {
        _sandbox.Write("diagrams/dict-table.json", "{\n  \"id\": \"dict-table\",\n  oops\n}");
        AssertFails("diagrams/dict-table.json:3:", "invalid JSON");
    }

    [Fact]
    public void ADiagramAgainstTheSchemaIsReportedAtTheOffendingLine()
    {
        _sandbox.Replace("diagrams/dict-table.json", "\"caption\": \"The hash picks slot 5.\", ", "");
        AssertFails("diagrams/dict-table.json:22:", "/frames/1");
    }

    [Fact]
    public void ADiagramReferenceToAMissingElementIsReported()
    {
        _sandbox.Replace("diagrams/dict-table.json", "\"to\": \"entry\"", "\"to\": \"entries\"");
        AssertFails("diagrams/dict-table.json:17:", "to 'entries' is not an element or cell");
    }

    [Fact]
    public void ADiagramElementOutsideTheCanvasIsReported()
    {
        _sandbox.Replace("diagrams/dict-table.json", "\"x\": 460", "\"x\": 560");
        AssertFails("diagrams/dict-table.json:16:", "outside the 600×300 canvas");
    }

    [Fact]
    public void ADiagramElementNeverShownIsReported()
    {
        _sandbox.Replace("diagrams/dict-table.json", "\"add\": [\"note\"], ", "");
        AssertFails("diagrams/dict-table.json:18:", "element 'note' is never added by a frame");
    }

    [Fact]
    public void ADiagramNotListedByItsTopicIsReported()
    {
        _sandbox.Replace("topics/dicts.md", "diagrams: [dict-table]", "diagrams: []");
        AssertFails("diagrams/dict-table.json:1:", "must list it under diagrams");
    }

    [Fact]
    public void ADiagramListedByTheWrongTopicIsReported()
    {
        _sandbox.Replace("topics/sets.md", "diagrams: []", "diagrams: [dict-table]");
        AssertFails("topics/sets.md:11:", "diagram 'dict-table' belongs to topic 'dicts'");
    }

    private List<string> Errors()
    {
        var exception = Assert.Throws<ContentValidationException>(() => _loader.Load(_sandbox.Root));
        var lines = exception.Errors.Select(e => e.ToString().Replace(Path.GetFileName(_sandbox.Root), "content", StringComparison.Ordinal)).ToList();
        Assert.All(exception.Errors, e => Assert.Contains(e.ToString(), exception.Message, StringComparison.Ordinal));
        return lines;
    }

    private void AssertFails(string location, string message)
    {
        var errors = Errors();
        Assert.True(
            errors.Exists(e => e.Contains(location, StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal)),
            $"Expected an error at '{location}' saying '{message}'; got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }
}
