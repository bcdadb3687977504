using System.Text.Json;

namespace Pynsights.Api.Benchmarks;

/// <summary>A benchmark: what was measured, the numbers, the environment, the script, and where its chart is.</summary>
public sealed record BenchmarkResponse(
    string Id,
    string Title,
    string Topic,
    string Unit,
    string Kind,
    BenchmarkAxis? X,
    IReadOnlyList<BenchmarkSeries> Series,
    IReadOnlyDictionary<string, double>? Ratios,
    IReadOnlyDictionary<string, JsonElement> Environment,
    string? Notes,
    string Script,
    BenchmarkLinks Links)
{
    public static BenchmarkResponse From(BenchmarkResult r) =>
        new(r.Id, r.Title, r.Topic, r.Unit, r.Kind, r.X, r.Series, r.Ratios, r.Environment, r.Notes, r.Script,
            new BenchmarkLinks($"/api/v1/benchmarks/{r.Id}", $"/api/v1/benchmarks/{r.Id}.svg"));
}

/// <summary>Where a benchmark and its chart are.</summary>
public sealed record BenchmarkLinks(string Self, string Svg);

/// <summary>A topic's benchmarks.</summary>
public sealed record BenchmarkListResponse(IReadOnlyList<BenchmarkResponse> Items);
