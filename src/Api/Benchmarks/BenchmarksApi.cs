using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Pynsights.Api.Content;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Benchmarks;

/// <summary>Benchmarks as data (measured on CPython, with their scripts and environment) and as SVG charts.</summary>
public static class BenchmarksApi
{
    public static IEndpointRouteBuilder MapBenchmarksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Benchmarks").WithETags();

        api.MapGet("/topics/{id}/benchmarks", ListTopicBenchmarks)
            .WithName("ListTopicBenchmarks")
            .WithSummary("The benchmarks a topic's advice rests on")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/benchmarks/{id}", GetBenchmark)
            .WithName("GetBenchmark")
            .WithSummary("Get a benchmark: its numbers, ratios, environment and script")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/benchmarks/{id}.svg", GetBenchmarkSvg)
            .WithName("GetBenchmarkSvg")
            .WithSummary("Draw a benchmark as an SVG chart with axes, units and the environment in the caption")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    internal static Results<Ok<BenchmarkListResponse>, ProblemHttpResult> ListTopicBenchmarks(string id, ContentStore content)
    {
        var catalog = content.Current;
        return catalog.FindTopic(id) is { } topic
            ? TypedResults.Ok(new BenchmarkListResponse([.. topic.Benchmarks.Select(b => BenchmarkResponse.From(catalog.Benchmarks[b]))]))
            : Problems.NotFound("topic", id);
    }

    internal static Results<Ok<BenchmarkResponse>, ProblemHttpResult> GetBenchmark(string id, ContentStore content) =>
        content.Current.Benchmarks.TryGetValue(id, out var result)
            ? TypedResults.Ok(BenchmarkResponse.From(result))
            : Problems.NotFound("benchmark", id);

    internal static Results<ContentHttpResult, ProblemHttpResult> GetBenchmarkSvg(string id, ContentStore content) =>
        content.Current.Benchmarks.TryGetValue(id, out var result)
            ? TypedResults.Text(BenchmarkSvgRenderer.Render(result), "image/svg+xml; charset=utf-8", Encoding.UTF8)
            : Problems.NotFound("benchmark", id);
}
