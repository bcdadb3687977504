using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using Pynsights.Api.Benchmarks;
using Pynsights.Api.Content;
using Pynsights.Api.Diagrams;
using Pynsights.Api.Simulations;
using Pynsights.Api.Topics;
using Pynsights.Api.Traces;
using Pynsights.Simulation;

namespace Pynsights.Api.Infrastructure;

/// <summary>
/// Example bodies for the OpenAPI document, computed from the live services so they are true answers of this API.
/// </summary>
internal sealed class OpenApiExamples(
    TopicQueries topics,
    global::GraphQL.Types.ISchema schema,
    SimulatorCatalog simulators,
    TraceService traces,
    TraceQueries steps,
    ContentStore content)
{
    private readonly Lazy<TraceResponse?> _trace = new(() =>
    {
        var slicing = simulators.Find("slicing");
        if (slicing is null)
        {
            return null;
        }

        var input = JsonSerializer.SerializeToElement(slicing.Descriptor.Examples[0]);
        var (manifest, _, _) = traces.GetOrCreateAsync("slicing", null, input, CancellationToken.None).GetAwaiter().GetResult();
        return manifest is null ? null : TraceResponse.From(manifest);
    });

    public object? For(string operationId, string status, string mediaType)
    {
        if (status is not ("200" or "201"))
        {
            return ProblemExample(status);
        }

        var published = topics.Catalog.Topics.FirstOrDefault(t => t.Guide is not null) ?? topics.Catalog.Topics[0];
        var catalog = content.Current;
        var diagram = catalog.Diagrams.Values.OrderBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault();
        var benchmark = catalog.Benchmarks.Values.OrderBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault();
        return (operationId, mediaType) switch
        {
            ("ListSimulators", _) => SimulationsApi.ListSimulators(simulators).Value,
            ("GetSimulator", _) => simulators.Find("slicing") is { } slicing ? SimulatorResponse.From(slicing.Descriptor) : null,
            ("CreateTrace" or "GetTrace", _) => _trace.Value,
            ("ListTraceSteps", _) => _trace.Value is { } trace
                ? steps.StepsAsync(trace.Id, "2", null, null, null, null, CancellationToken.None).GetAwaiter().GetResult().Page
                : null,
            ("ListDiagrams", _) => new DiagramListResponse([.. catalog.Diagrams.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Take(2).Select(DiagramSummaryResponse.From)]),
            ("GetDiagram", _) => diagram?.Source,
            ("GetDiagramSvg", _) => diagram is null ? null : DiagramSvgRenderer.Render(diagram, 0)[..300],
            ("GetDiagramSchema", _) => JsonDocument.Parse(DiagramLoader.SchemaText).RootElement,
            ("ListTopicBenchmarks", _) => benchmark is null ? null : new BenchmarkListResponse([BenchmarkResponse.From(benchmark)]),
            ("GetBenchmark", _) => benchmark is null ? null : BenchmarkResponse.From(benchmark),
            ("GetBenchmarkSvg", _) => benchmark is null ? null : BenchmarkSvgRenderer.Render(benchmark)[..300],
            ("GetHealth" or "GetReadiness", _) => new Health.HealthResponse("healthy", 1.25, new Dictionary<string, Health.HealthCheckResponse>
            {
                ["content"] = new("healthy", "27 topics loaded.", new Dictionary<string, object> { ["topics"] = 27 }),
                ["traceStore"] = new("healthy", "Traces are shared through Redis.", new Dictionary<string, object> { ["kind"] = "redis" }),
            }),
            ("GetOEmbed", _) => new Web.OEmbedResponse("rich", "1.0", "Slicing a list: slice.indices and the indices visited — Pynsights", "Pynsights", "https://pynsights.example",
                86400, "<iframe src=\"https://pynsights.example/embed/simulations/slicing?step=3\" width=\"800\" height=\"600\" title=\"Pynsights simulation\" loading=\"lazy\"></iframe>", 800, 600),
            ("GetLiveness", _) => new Health.HealthResponse("healthy", 0.01, new Dictionary<string, Health.HealthCheckResponse>()),
            ("ListSections", _) => TopicsApi.GetSections(topics).Value,
            ("ListTopics", _) => TopicsApi.ListTopics(new TopicListRequest(First: "2"), topics).Result is Microsoft.AspNetCore.Http.HttpResults.Ok<Connection<TopicSummaryResponse>> ok ? ok.Value : null,
            ("GetTopic", _) => TopicResponse.From(published),
            ("GetTopicGuide", "text/html") => published.Guide?.Html[..Math.Min(400, published.Guide.Html.Length)],
            ("GetTopicGuide", _) => published.Guide?.Markdown[..Math.Min(400, published.Guide.Markdown.Length)],
            ("GetProblemType", _) => InfrastructureExtensions.GetProblemType("invalid-cursor").Result is Microsoft.AspNetCore.Http.HttpResults.Ok<ProblemTypeResponse> type ? type.Value : null,
            ("GetGraphQLSchema", _) => global::GraphQL.SchemaExtensions.Print(schema)[..200],
            _ => null,
        };
    }

    private static ProblemDetails? ProblemExample(string status) => status switch
    {
        "404" => Problem(ProblemTypes.NotFound, "Not found", 404, "No topic has the id 'dict-hashing'.", ("resource", "topic"), ("id", "dict-hashing")),
        "400" => Problem(ProblemTypes.InvalidParameter, "Invalid parameter", 400, "'first' must be a whole number from 1 to 100 (got '500').", ("field", "first"), ("limit", 100)),
        "413" => Problem(ProblemTypes.RequestTooLarge, "Request too large", 413, "The body is 2000000 bytes; the limit is 1048576.", ("limit", 1048576)),
        "422" => Problem(ProblemTypes.InvalidInput, "Invalid input", 422, "input.length: must be between 0 and 1000000.", ("field", "input.length"), ("limit", 1000000),
            ("errors", new[] { new FieldError("input.length", "must be between 0 and 1000000.", 1000000) })),
        "501" => Problem(ProblemTypes.NotAcceptable, "Format not implemented", 501, "oEmbed format 'xml' is not implemented; use format=json.", ("field", "format"), ("supported", new[] { "json" })),
        "503" => Problem(ProblemTypes.TraceUnavailable, "Trace unavailable", 503, "Trace 75907b9adbacdd0085e53d39b64393ab is being generated elsewhere and did not finish within 120 s."),
        "406" => Problem(ProblemTypes.NotAcceptable, "Not acceptable", 406, "The Accept header names no media type this endpoint produces.", ("supported", new[] { "text/markdown", "text/html" })),
        _ => null,
    };

    private static ProblemDetails Problem(string type, string title, int status, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
