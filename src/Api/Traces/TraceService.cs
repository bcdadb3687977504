using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pynsights.Api.Infrastructure;
using Pynsights.Simulation;

namespace Pynsights.Api.Traces;

/// <summary>
/// Makes and finds traces: validates the input, computes the deterministic id, serves a stored trace, and otherwise
/// generates it once — once per process (a shared task per id) and once across replicas (the store's generation
/// lease; the others wait for the commit). Steps are serialized and stored in chunks as they are produced, so a
/// trace never sits whole in memory on its way to the store.
/// </summary>
public sealed class TraceService(
    SimulatorCatalog simulators,
    ITraceStore store,
    TraceStatistics statistics,
    IOptions<TraceOptions> options,
    TimeProvider time,
    ILogger<TraceService> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(TraceManifest Manifest, bool Created)>>> _inflight = new(StringComparer.Ordinal);

    public ITraceStore Store => store;

    /// <summary>Finds or generates the trace of <paramref name="simulatorId"/> on <paramref name="input"/>.</summary>
    public async Task<(TraceManifest? Manifest, bool Created, TraceFailure? Failure)> GetOrCreateAsync(
        string simulatorId, string? pythonVersion, JsonElement? input, CancellationToken cancellationToken)
    {
        if (simulators.Find(simulatorId) is not { } simulator)
        {
            return (null, false, new TraceFailure(TraceFailureKind.SimulatorNotFound, $"No simulator has the id '{simulatorId}'.", [new FieldError("simulator", simulatorId)]));
        }

        var descriptor = simulator.Descriptor;
        var version = PythonVersion.Default;
        if (pythonVersion is not null && !PythonVersion.TryParse(pythonVersion, out version))
        {
            return (null, false, TraceFailure.Input([new FieldError("pythonVersion",
                $"'{pythonVersion}' is not a modelled version; use one of {string.Join(", ", PythonVersion.All)}.")]));
        }

        if (!descriptor.PythonVersions.Contains(version))
        {
            return (null, false, TraceFailure.Input([new FieldError("pythonVersion",
                $"{descriptor.Id} models {string.Join(", ", descriptor.PythonVersions)}, not {version}.")]));
        }

        if (input is not { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } inputElement)
        {
            return (null, false, TraceFailure.Input([new FieldError("input", "is required: a JSON object valid against the simulator's inputSchema.")]));
        }

        var run = simulator.Prepare(inputElement, version, out var problems);
        if (run is null)
        {
            return (null, false, TraceFailure.Input([.. problems.Select(p =>
                new FieldError(p.Field.Length == 0 ? "input" : $"input.{p.Field}", p.Message, p.Limit, p.Column))]));
        }

        var canonical = TraceId.Canonical(run.CanonicalInput);
        var id = TraceId.Compute(descriptor, version, canonical);
        if (await store.FindAsync(id, cancellationToken) is { } existing)
        {
            statistics.RecordHit();
            return (existing, false, null);
        }

        // One generation per id in this process; only the request that started it reports "created".
        var ours = new Lazy<Task<(TraceManifest, bool)>>(
            () => Task.Run(() => GenerateOnceAsync(id, descriptor, version, run, canonical), CancellationToken.None));
        var flight = _inflight.GetOrAdd(id, ours);
        try
        {
            var (manifest, created) = await flight.Value.WaitAsync(cancellationToken);
            return (manifest, created && ReferenceEquals(flight, ours), null);
        }
        catch (TraceLimitException e)
        {
            return (null, false, new TraceFailure(TraceFailureKind.TooLarge, e.Message, [], e.Limit));
        }
        catch (TraceTooLargeException e)
        {
            return (null, false, new TraceFailure(TraceFailureKind.TooLarge, e.Message, [], options.Value.MemoryBudgetBytes));
        }
        catch (TimeoutException e)
        {
            return (null, false, new TraceFailure(TraceFailureKind.Unavailable, e.Message, []));
        }
        finally
        {
            if (flight.IsValueCreated && flight.Value.IsCompleted)
            {
                _inflight.TryRemove(KeyValuePair.Create(id, flight));
            }
        }
    }

    public ValueTask<TraceManifest?> FindAsync(string id, CancellationToken cancellationToken) =>
        TraceId.IsWellFormed(id) ? store.FindAsync(id, cancellationToken) : ValueTask.FromResult<TraceManifest?>(null);

    public ValueTask<StepPage?> ReadStepsAsync(string id, int start, int count, CancellationToken cancellationToken) =>
        TraceId.IsWellFormed(id) ? store.ReadStepsAsync(id, start, count, cancellationToken) : ValueTask.FromResult<StepPage?>(null);

    /// <summary>Generates unless another replica holds the lease; then waits for its commit (taking over if it dies).</summary>
    private async Task<(TraceManifest, bool)> GenerateOnceAsync(string id, SimulatorDescriptor descriptor, PythonVersion version, SimulationRun run, string canonical)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LockSeconds);
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(settings.WaitSeconds);
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            await using (var held = await store.TryAcquireGenerationAsync(id, lease, CancellationToken.None))
            {
                if (held is not null)
                {
                    if (await store.FindAsync(id, CancellationToken.None) is { } done)
                    {
                        return (done, false);
                    }

                    return (await GenerateAsync(id, descriptor, version, run, canonical), true);
                }
            }

            if (await store.FindAsync(id, CancellationToken.None) is { } stored)
            {
                statistics.RecordHit();
                return (stored, false);
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Trace {id} is being generated elsewhere and did not finish within {settings.WaitSeconds} s.");
            }

            await Task.Delay(delay, time);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    private async Task<TraceManifest> GenerateAsync(string id, SimulatorDescriptor descriptor, PythonVersion version, SimulationRun run, string canonical)
    {
        try
        {
            return await WriteAsync(id, descriptor, version, run, canonical);
        }
        catch (Exception e) when (FailoverTraceStore.IsRedisFailure(e) && store is FailoverTraceStore failover)
        {
            // Redis went away half-way: the trace is deterministic, so make it again into memory.
            failover.ReportFailure(e);
            var again = simulators.Find(descriptor.Id)!.Prepare(JsonSerializer.SerializeToElement(run.CanonicalInput), version, out _)!;
            return await WriteAsync(id, descriptor, version, again, canonical);
        }
    }

    private async Task<TraceManifest> WriteAsync(string id, SimulatorDescriptor descriptor, PythonVersion version, SimulationRun run, string canonical)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        await using var writer = await store.BeginWriteAsync(id, CancellationToken.None);
        var chunk = new TraceChunks.Builder(settings.ChunkSize);
        var json = new Utf8JsonWriter(chunk.Writer, SimulationJson.WriterOptions);
        var count = 0;
        foreach (var step in run.Steps())
        {
            if (++count > settings.MaxSteps)
            {
                throw new TraceLimitException($"The simulation produces more than {settings.MaxSteps} steps, the limit of a trace.", settings.MaxSteps);
            }

            json.Reset(chunk.Writer);
            step.WriteTo(json);
            json.Flush();
            chunk.Commit();
            if (chunk.IsFull)
            {
                await writer.AppendChunkAsync(chunk.Flush()!, CancellationToken.None);
            }
        }

        if (chunk.Flush() is { } last)
        {
            await writer.AppendChunkAsync(last, CancellationToken.None);
        }

        var manifest = new TraceManifest(
            id,
            descriptor.Id,
            version.ToString(),
            descriptor.LogicVersion,
            canonical,
            count,
            JsonSerializer.Serialize(run.Result, run.Result.GetType(), SimulationJson.Options),
            settings.ChunkSize,
            time.GetUtcNow());
        await writer.CommitAsync(manifest, CancellationToken.None);
        statistics.RecordGenerated(count);
        logger.LogInformation("Generated trace {Id} ({Simulator}, {Version}): {Steps} steps in {Elapsed} ms into {Store}.",
            id, descriptor.Id, version, count, time.GetElapsedTime(started).TotalMilliseconds, store.Kind);
        return manifest;
    }
}

/// <summary>A trace would exceed <see cref="TraceOptions.MaxSteps"/>.</summary>
public sealed class TraceLimitException(string message, long limit) : Exception(message)
{
    public long Limit { get; } = limit;
}
