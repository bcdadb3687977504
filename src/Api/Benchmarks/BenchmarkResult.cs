using System.Text.Json;

namespace Pynsights.Api.Benchmarks;

/// <summary>
/// A benchmark's measured output, as its script printed it on CPython (content/benchmarks/&lt;id&gt;.json), with the
/// script beside it (&lt;id&gt;.py).
/// </summary>
public sealed record BenchmarkResult(
    string Id,
    string Title,
    string Topic,
    string Unit,
    string Kind,
    BenchmarkAxis? X,
    IReadOnlyList<BenchmarkSeries> Series,
    IReadOnlyDictionary<string, double>? Ratios,
    IReadOnlyDictionary<string, JsonElement> Environment,
    string? Notes)
{
    /// <summary>The script that measured it (Python source).</summary>
    public string Script { get; init; } = "";

    /// <summary>The categories or x values a chart plots: <see cref="X"/>'s, or for a bar chart without one, the series names.</summary>
    public IReadOnlyList<string> Categories =>
        X is not null ? [.. X.Values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())] : [.. Series.Select(s => s.Name)];
}

/// <summary>The x axis of a benchmark (a line chart's sizes, or a bar chart's categories).</summary>
public sealed record BenchmarkAxis(string Label, IReadOnlyList<JsonElement> Values);

/// <summary>One measured series: a value per x value (or one value for a bar of its own).</summary>
public sealed record BenchmarkSeries(string Name, IReadOnlyList<double?> Values);
