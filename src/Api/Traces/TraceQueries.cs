using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Traces;

/// <summary>
/// Pages of steps for REST and GraphQL alike. Cursors name the trace and the step index, so one from another
/// trace or listing is refused. A page costs one store read of the chunks that hold it, whatever the trace length.
/// </summary>
public sealed class TraceQueries(TraceService traces, IOptions<TraceOptions> options)
{
    private const int CacheSize = 10_000;

    /// <summary>Manifests are cached only while small: a result can be megabytes (a million selected indices).</summary>
    private const int CachedManifestChars = 64 * 1024;

    private readonly ConcurrentDictionary<string, TraceManifest> _manifests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _stepCounts = new(StringComparer.Ordinal);

    public static string CursorScope(string traceId) => $"steps:{traceId}";

    public static string CursorOf(string traceId, int index) =>
        Cursor.Encode(CursorScope(traceId), index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The manifest; immutable, so cached in process once seen (when small).</summary>
    public async ValueTask<TraceManifest?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_manifests.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var manifest = await traces.FindAsync(id, cancellationToken);
        if (manifest is not null)
        {
            Remember(_stepCounts, id, manifest.StepCount);
            if (manifest.Input.Length + manifest.Result.Length <= CachedManifestChars)
            {
                Remember(_manifests, id, manifest);
            }
        }

        return manifest;
    }

    /// <summary>How many steps a trace has, without reading its input or result; null when it is unknown.</summary>
    private async ValueTask<int?> StepCountAsync(string id, CancellationToken cancellationToken)
    {
        if (_stepCounts.TryGetValue(id, out var count))
        {
            return count;
        }

        if (await traces.ReadStepsAsync(id, 0, 0, cancellationToken) is not { } probe)
        {
            return null;
        }

        Remember(_stepCounts, id, probe.StepCount);
        return probe.StepCount;
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string id, T value)
    {
        if (cache.Count >= CacheSize)
        {
            cache.Clear();
        }

        cache[id] = value;
    }

    /// <summary>A page of steps, null when the trace is unknown, or why the request is invalid.</summary>
    public async Task<(Connection<StepResponse>? Page, QueryError? Error)> StepsAsync(
        string id, string? first, string? after, string? last, string? before, string? at, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (first is not null && last is not null)
        {
            return (null, QueryError.Parameter("last", "Give 'first' or 'last', not both."));
        }

        if (at is not null && (after is not null || before is not null))
        {
            return (null, QueryError.Parameter("at", "Give 'at' or a cursor ('after'/'before'), not both."));
        }

        var limits = new ApiLimits { DefaultPageSize = settings.DefaultPageSize, MaxPageSize = settings.MaxPageSize };
        var (firstSize, firstError) = PageRequest.Size(first, limits);
        var (lastSize, lastError) = PageRequest.Size(last, limits, "last");
        if ((first is not null ? firstError : last is not null ? lastError : null) is { } sizeError)
        {
            return (null, sizeError);
        }

        if (await StepCountAsync(id, cancellationToken) is not { } total)
        {
            return (null, null);
        }

        int start, count;
        if (at is not null)
        {
            if (!int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= Math.Max(total, 1))
            {
                return (null, QueryError.Parameter("at", $"'at' must be a step index from 0 to {Math.Max(total - 1, 0)} (got '{at}').", Math.Max(total - 1, 0)));
            }

            (start, count) = last is not null ? (Math.Max(0, index + 1 - lastSize), Math.Min(lastSize, index + 1)) : (index, firstSize);
        }
        else if (last is not null || before is not null)
        {
            var end = total;
            if (before is not null)
            {
                if (Index(id, before, total) is not { } beforeIndex)
                {
                    return (null, QueryError.Cursor("before", "'before' is not a step cursor of this trace."));
                }

                end = beforeIndex;
            }

            var size = last is not null ? lastSize : firstSize;
            if (first is not null && before is not null)
            {
                return (null, QueryError.Parameter("before", "Page backwards with 'last' and 'before'."));
            }

            (start, count) = (Math.Max(0, end - size), end - Math.Max(0, end - size));
        }
        else
        {
            start = 0;
            if (after is not null)
            {
                if (Index(id, after, total) is not { } afterIndex)
                {
                    return (null, QueryError.Cursor("after", "'after' is not a step cursor of this trace."));
                }

                start = afterIndex + 1;
            }

            count = firstSize;
        }

        var page = await traces.ReadStepsAsync(id, start, count, cancellationToken);
        if (page is null)
        {
            // Expired from the store since it was counted.
            _manifests.TryRemove(id, out _);
            _stepCounts.TryRemove(id, out _);
            return (null, null);
        }

        var edges = new List<Edge<StepResponse>>(page.Steps.Count);
        for (var i = 0; i < page.Steps.Count; i++)
        {
            var step = JsonSerializer.Deserialize<StepResponse>(page.Steps[i].Span, Json)!;
            edges.Add(new Edge<StepResponse>(CursorOf(id, page.Start + i), step));
        }

        var pageInfo = new PageInfo(
            HasNextPage: page.Start + edges.Count < total,
            HasPreviousPage: page.Start > 0,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return (new Connection<StepResponse>(edges, pageInfo, total), null);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int? Index(string id, string cursor, int total) =>
        Cursor.Decode(CursorScope(id), cursor) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < total
            ? index
            : null;
}
