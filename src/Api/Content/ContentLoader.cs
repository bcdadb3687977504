using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pynsights.Api.Diagrams;
using Pynsights.Simulation;
using YamlDotNet.RepresentationModel;

namespace Pynsights.Api.Content;

/// <summary>
/// Loads <c>content/</c> (sections, topics as Markdown with YAML front matter) into a <see cref="ContentCatalog"/>,
/// validating everything an author can get wrong and reporting each problem as <c>file:line: message</c>.
/// </summary>
public sealed partial class ContentLoader(SimulatorCatalog simulators, TimeProvider time)
{
    /// <summary>The Python versions a topic may name in <c>pythonVersions</c>.</summary>
    public static readonly IReadOnlyList<string> KnownPythonVersions = ["3.10", "3.11", "3.12", "3.13", "3.14"];

    private static readonly string[] TopicFields =
    [
        "id", "title", "section", "order", "status", "summary", "pythonVersions", "tags", "references", "diagrams",
        "simulations", "plannedSimulations", "benchmarks",
    ];

    private static readonly string[] SectionFields = ["id", "title", "order", "summary"];
    private static readonly string[] ReferenceFields = ["kind", "title", "url"];
    private static readonly string[] VersionFields = ["min", "max"];

    /// <summary>One pipeline for the whole process: CommonMark plus tables, auto links and GitHub-style heading ids.</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoLinks()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    [GeneratedRegex(@"^https://github\.com/python/cpython/(blob|tree)/v3\.\d+\.\d+([abc]|rc)?\d*/[^\s#]+(#L\d+(-L\d+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedCpythonUrl();

    [GeneratedRegex(@"^https://peps\.python\.org/pep-\d{4}/(#[\w-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PepUrl();

    /// <summary>Loads and validates the content under <paramref name="root"/>; throws listing every problem found.</summary>
    public ContentCatalog Load(string root)
    {
        var errors = new List<ContentError>();
        var catalog = TryLoad(root, errors);
        return catalog is not null && errors.Count == 0 ? catalog : throw new ContentValidationException(errors);
    }

    /// <summary>Loads the content; every problem goes to <paramref name="errors"/>.</summary>
    public ContentCatalog? TryLoad(string root, List<ContentError> errors)
    {
        var displayRoot = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        string Display(string path) => Path.Combine(displayRoot, Path.GetRelativePath(root, path)).Replace('\\', '/');

        var sectionsFile = Path.Combine(root, "sections.yaml");
        var topicsDir = Path.Combine(root, "topics");
        if (!File.Exists(sectionsFile) || !Directory.Exists(topicsDir))
        {
            errors.Add(new ContentError(Display(sectionsFile), 0, "content root must hold sections.yaml and a topics/ folder."));
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sectionsText = File.ReadAllText(sectionsFile);
        hash.AppendData(Encoding.UTF8.GetBytes(sectionsText));
        var sections = ReadSections(Display(sectionsFile), sectionsText, errors);

        var diagrams = DiagramLoader.Load(root, Display, errors);
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, path)));
            hash.AppendData(File.ReadAllBytes(path));
        }

        var topics = new List<Topic>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var orders = new Dictionary<int, string>();
        foreach (var path in Directory.EnumerateFiles(topicsDir, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(path);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            var file = Display(path);
            if (ReadTopic(root, file, Path.GetFileNameWithoutExtension(path), text, sections, diagrams, errors) is not { } topic)
            {
                continue;
            }

            if (ids.TryGetValue(topic.Id, out var other))
            {
                errors.Add(new ContentError(file, 2, $"duplicate topic id '{topic.Id}' (also in {other})."));
            }
            else if (orders.TryGetValue(topic.Order, out var sameOrder))
            {
                errors.Add(new ContentError(file, 2, $"order {topic.Order} is already taken by {sameOrder}."));
            }
            else
            {
                ids[topic.Id] = file;
                orders[topic.Order] = file;
                topics.Add(topic);
            }
        }

        CheckSimulatorTopics(topics, errors);
        foreach (var diagram in diagrams.Values)
        {
            // A topic that failed to load has its own errors; saying its diagrams are unlisted would only add noise.
            var topicFailed = !topics.Exists(t => t.Id == diagram.Topic) && File.Exists(Path.Combine(topicsDir, diagram.Topic + ".md"));
            if (!topicFailed && !topics.Exists(t => t.Id == diagram.Topic && t.Diagrams.Contains(diagram.Id)))
            {
                errors.Add(new ContentError(Display(Path.Combine(root, "diagrams", diagram.Id + ".json")), 1,
                    $"diagram '{diagram.Id}' belongs to topic '{diagram.Topic}', which must list it under diagrams."));
            }
        }
        if (errors.Count > 0)
        {
            return null;
        }

        var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        return new ContentCatalog([.. sections.Values], topics, diagrams, version, time.GetUtcNow());
    }

    /// <summary>
    /// A topic a simulator declares it serves must list that simulator, so topic pages and simulators link both ways.
    /// (That every declared topic exists is checked against the real manual by the tests.)
    /// </summary>
    private void CheckSimulatorTopics(List<Topic> topics, List<ContentError> errors)
    {
        foreach (var simulator in simulators.All.Select(s => s.Descriptor))
        {
            foreach (var topicId in simulator.Topics)
            {
                if (topics.Find(t => t.Id == topicId) is { } topic && !topic.Simulations.Contains(simulator.Id))
                {
                    errors.Add(new ContentError(topic.SourceFile, 1, $"simulator '{simulator.Id}' serves this topic: list it under simulations."));
                }
            }
        }
    }

    private static Dictionary<string, Section> ReadSections(string file, string text, List<ContentError> errors)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        var reader = new FrontMatterReader(file, 0, errors);
        if (reader.Parse(text) is not { } root)
        {
            return sections;
        }

        if (root is not YamlSequenceNode list)
        {
            reader.Error(root, "sections.yaml must be a list of sections.");
            return sections;
        }

        foreach (var item in list)
        {
            if (reader.Mapping(item, "a section", SectionFields) is not { } mapping)
            {
                continue;
            }

            var id = reader.Slug(mapping, "id");
            var title = reader.String(mapping, "title", 80);
            var order = reader.Integer(mapping, "order", 1, 1000);
            var summary = reader.String(mapping, "summary", 400);
            if (id is null || title is null || order is null || summary is null)
            {
                continue;
            }

            if (!sections.TryAdd(id, new Section(id, title, order.Value, summary)))
            {
                reader.Error(mapping, $"duplicate section id '{id}'.");
            }
        }

        return sections;
    }

    private Topic? ReadTopic(
        string root, string file, string stem, string text, Dictionary<string, Section> sections,
        Dictionary<string, DiagramSpec> diagrams, List<ContentError> errors)
    {
        // Front matter: a first line '---', YAML, and a closing '---' line.
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (lines.Length == 0 || lines[0].TrimEnd() != "---" || close < 0)
        {
            errors.Add(new ContentError(file, 1, "a topic must start with YAML front matter between two '---' lines."));
            return null;
        }

        var before = errors.Count;
        var reader = new FrontMatterReader(file, 1, errors);
        if (reader.Parse(string.Join('\n', lines[1..close])) is not { } node
            || reader.Mapping(node, "the front matter", TopicFields) is not { } fm)
        {
            return null;
        }

        var id = reader.Slug(fm, "id");
        if (id is not null && id != stem)
        {
            reader.Error(FrontMatterReader.Child(fm, "id")!, $"id '{id}' must match the file name '{stem}.md'.");
        }

        var title = reader.String(fm, "title", 120);
        var summary = reader.String(fm, "summary", 400);
        var order = reader.Integer(fm, "order", 1, 1000);
        var sectionId = reader.Slug(fm, "section");
        if (sectionId is not null && !sections.ContainsKey(sectionId))
        {
            reader.Error(FrontMatterReader.Child(fm, "section")!,
                $"unknown section '{sectionId}'; sections.yaml has: {string.Join(", ", sections.Keys)}.");
        }

        var statusText = reader.String(fm, "status", 16);
        TopicStatus? status = statusText switch
        {
            "planned" => TopicStatus.Planned,
            "published" => TopicStatus.Published,
            null => null,
            _ => null,
        };
        if (statusText is not null && status is null)
        {
            reader.Error(FrontMatterReader.Child(fm, "status")!, $"status must be 'planned' or 'published' (got '{statusText}').");
        }

        var versions = ReadVersions(reader, fm);
        var tags = reader.SlugList(fm, "tags", 20).Select(t => t.Id).ToArray();
        var references = ReadReferences(reader, fm);

        var topicDiagrams = reader.SlugList(fm, "diagrams", 20);
        foreach (var (diagram, at) in topicDiagrams)
        {
            if (!File.Exists(Path.Combine(root, "diagrams", diagram + ".json")))
            {
                reader.Error(at, $"diagram '{diagram}' does not exist (expected content/diagrams/{diagram}.json).");
            }
            else if (diagrams.TryGetValue(diagram, out var spec) && spec.Topic != id)
            {
                reader.Error(at, $"diagram '{diagram}' belongs to topic '{spec.Topic}', not this one.");
            }
        }

        var simulations = reader.SlugList(fm, "simulations", 10);
        foreach (var (simulation, at) in simulations)
        {
            if (!simulators.Contains(simulation))
            {
                reader.Error(at, $"simulator '{simulation}' does not exist; list it under plannedSimulations until it is built.");
            }
        }

        var planned = reader.SlugList(fm, "plannedSimulations", 10);
        foreach (var (simulation, at) in planned)
        {
            if (simulators.Contains(simulation))
            {
                reader.Error(at, $"simulator '{simulation}' is built: move it from plannedSimulations to simulations.");
            }
        }

        var benchmarks = reader.SlugList(fm, "benchmarks", 10);
        foreach (var (benchmark, at) in benchmarks)
        {
            foreach (var extension in (string[])[".py", ".json"])
            {
                if (!File.Exists(Path.Combine(root, "benchmarks", benchmark + extension)))
                {
                    reader.Error(at, $"benchmark '{benchmark}' is missing content/benchmarks/{benchmark}{extension}.");
                }
            }
        }

        var bodyText = string.Join('\n', lines[(close + 1)..]).Trim();
        var guide = ReadGuide(file, text, bodyText, status, errors);

        if (errors.Count > before || id is null || title is null || summary is null || order is null || sectionId is null
            || status is null || versions is null)
        {
            return null;
        }

        return new Topic(
            id, title, sectionId, order.Value, status.Value, summary, versions, tags, references,
            [.. topicDiagrams.Select(d => d.Id)], [.. simulations.Select(s => s.Id)], [.. planned.Select(p => p.Id)],
            [.. benchmarks.Select(b => b.Id)], guide, file)
        {
            SearchText = new SearchText(
                title.ToLowerInvariant(), summary.ToLowerInvariant(), guide is null ? "" : Markdown.ToPlainText(guide.Markdown, Pipeline).ToLowerInvariant()),
        };
    }

    private static VersionRange? ReadVersions(FrontMatterReader reader, YamlMappingNode fm)
    {
        if (FrontMatterReader.Child(fm, "pythonVersions") is not { } node)
        {
            reader.Error(fm, "missing required field 'pythonVersions' ({min, max}).");
            return null;
        }

        if (reader.Mapping(node, "pythonVersions", VersionFields) is not { } mapping)
        {
            return null;
        }

        var min = reader.String(mapping, "min", 8);
        var max = reader.String(mapping, "max", 8);
        var known = string.Join(", ", KnownPythonVersions);
        var minIndex = min is null ? -1 : IndexOfVersion(min);
        var maxIndex = max is null ? -1 : IndexOfVersion(max);
        if (min is not null && minIndex < 0)
        {
            reader.Error(node, $"pythonVersions.min '{min}' is not one of {known}.");
        }

        if (max is not null && maxIndex < 0)
        {
            reader.Error(node, $"pythonVersions.max '{max}' is not one of {known}.");
        }

        if (minIndex < 0 || maxIndex < 0)
        {
            return null;
        }

        if (minIndex > maxIndex)
        {
            reader.Error(node, $"pythonVersions.min '{min}' is newer than max '{max}'.");
            return null;
        }

        return new VersionRange(min!, max!);

        static int IndexOfVersion(string v) => KnownPythonVersions.ToList().IndexOf(v);
    }

    private static Reference[] ReadReferences(FrontMatterReader reader, YamlMappingNode fm)
    {
        var references = new List<Reference>();
        foreach (var item in reader.Sequence(fm, "references", 60))
        {
            if (reader.Mapping(item, "a reference", ReferenceFields) is not { } mapping)
            {
                continue;
            }

            var kindText = reader.String(mapping, "kind", 16);
            var title = reader.String(mapping, "title", 200);
            var url = reader.String(mapping, "url", 500);
            ReferenceKind? kind = kindText switch
            {
                "docs" => ReferenceKind.Docs,
                "pep" => ReferenceKind.Pep,
                "cpython" => ReferenceKind.Cpython,
                "article" => ReferenceKind.Article,
                _ => null,
            };
            if (kindText is not null && kind is null)
            {
                reader.Error(mapping, $"reference kind must be docs, pep, cpython or article (got '{kindText}').");
            }

            if (kind is null || title is null || url is null)
            {
                continue;
            }

            var problem = CheckUrl(kind.Value, url);
            if (problem is not null)
            {
                reader.Error(FrontMatterReader.Child(mapping, "url")!, problem);
                continue;
            }

            references.Add(new Reference(kind.Value, title, url));
        }

        return [.. references];
    }

    /// <summary>Why <paramref name="url"/> is not acceptable for a reference of <paramref name="kind"/>, or null.</summary>
    internal static string? CheckUrl(ReferenceKind kind, string url) => kind switch
    {
        ReferenceKind.Docs when !url.StartsWith("https://docs.python.org/", StringComparison.Ordinal) =>
            $"a docs reference must link to https://docs.python.org/ (got '{url}').",
        ReferenceKind.Pep when !PepUrl().IsMatch(url) =>
            $"a pep reference must look like https://peps.python.org/pep-0412/ (got '{url}').",
        ReferenceKind.Cpython when !PinnedCpythonUrl().IsMatch(url) =>
            $"a cpython reference must be pinned to a release tag, like https://github.com/python/cpython/blob/v3.13.1/Objects/dictobject.c#L100 (got '{url}').",
        ReferenceKind.Article when !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps =>
            $"an article reference must be an https URL (got '{url}').",
        _ => null,
    };

    private static Guide? ReadGuide(string file, string text, string body, TopicStatus? status, List<ContentError> errors)
    {
        var document = Markdown.Parse(text, Pipeline);
        var bodyLine = document.OfType<Markdig.Extensions.Yaml.YamlFrontMatterBlock>().FirstOrDefault() is { } fmBlock
            ? fmBlock.Line + fmBlock.Lines.Count + 2
            : 1;

        if (status == TopicStatus.Planned)
        {
            if (body.Length > 0)
            {
                errors.Add(new ContentError(file, bodyLine, "a planned topic must not have a guide yet; publish it (status: published) or remove the text."));
            }

            return null;
        }

        if (body.Length == 0)
        {
            errors.Add(new ContentError(file, bodyLine, "a published topic needs a guide after the front matter."));
            return null;
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && url.StartsWith("https://github.com/python/cpython/", StringComparison.Ordinal)
                && !PinnedCpythonUrl().IsMatch(url))
            {
                errors.Add(new ContentError(file, link.Line + 1, $"CPython link must be pinned to a release tag (blob/vX.Y.Z/...): '{url}'."));
            }
        }

        var outline = new List<Heading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var headingText = heading.Inline is null ? "" : InlineText(heading.Inline);
            outline.Add(new Heading(heading.Level, headingText, heading.GetAttributes().Id ?? ""));
        }

        if (!outline.Exists(h => h.Level == 2))
        {
            errors.Add(new ContentError(file, bodyLine, "a published guide needs at least one '##' heading for its outline."));
        }

        var html = document.ToHtml(Pipeline);
        var plain = Markdown.ToPlainText(body, Pipeline);
        var words = plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return new Guide(body + "\n", html, outline, words);
    }

    private static string InlineText(ContainerInline inline)
    {
        var builder = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString();
    }
}
