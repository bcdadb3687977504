using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pynsights.Api.Traces;
using Pynsights.Simulation;

// Usage: Pynsights.Simulation.Benchmarks <simulator-id> [input-json | @file] [python-version]
// Without an input the simulator's first example is used. Measures in one process, one after the other:
//   1. the simulator alone: every step enumerated, then the result (steps/s, bytes allocated per step);
//   2. the production path: TraceService serializing every step and storing compressed chunks in the in-memory
//      store (steps/s, JSON bytes per step, bytes per step retained once stored).
if (args is ["pages", ..])
{
    return await PageBenchmark.RunAsync(args.Length > 1 ? args[1] : null);
}

if (args.Length < 1 || SimulatorCatalog.Default.Find(args[0]) is not { } simulator)
{
    Console.Error.WriteLine($"usage: <id> [input-json|@file] [version]; ids: {string.Join(", ", SimulatorCatalog.Default.All.Select(s => s.Descriptor.Id))}");
    return 2;
}

var inputText = args.Length > 1
    ? args[1].StartsWith('@') ? File.ReadAllText(args[1][1..]) : args[1]
    : simulator.Descriptor.Examples[0].ToJsonString();
var version = PythonVersion.Default;
if (args.Length > 2 && !PythonVersion.TryParse(args[2], out version))
{
    Console.Error.WriteLine($"unknown Python version {args[2]}");
    return 2;
}

using var input = JsonDocument.Parse(inputText);
var id = simulator.Descriptor.Id;

// 1. The simulator alone: one untimed run of the input, so that what is measured is the steady state (tier-1
// code, as in a server that has been up for a while), then five timed runs; the median is the figure, and the
// spread shows how noisy the machine was.
var warmUp = simulator.Prepare(input.RootElement, version, out var problems);
if (warmUp is null)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, problems.Select(p => $"{p.Field}: {p.Message}")));
    return 1;
}

foreach (var _ in warmUp.Steps())
{
}

warmUp = null;
var runs = new List<(double Wall, double Cpu, long Steps, double BytesPerStep, int Collections, double Paused, double Prepare)>();
for (var r = 0; r < 5; r++)
{
    var preparing = CpuClock.Start();
    var run = simulator.Prepare(input.RootElement, version, out _)!;
    var prepareCpu = preparing.Seconds;

    // Prepare's parsed input lives as long as the run; collect now so the run's collections do not promote it.
    GC.Collect();
    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
    var pauseBefore = GC.GetTotalPauseDuration();
    var collectionsBefore = GC.CollectionCount(0);
    var runCpu = CpuClock.Start();
    var runClock = Stopwatch.StartNew();
    long steps = 0;
    foreach (var step in run.Steps())
    {
        steps += step.Index >= 0 ? 1 : 0;
    }

    _ = run.Result;
    runClock.Stop();
    runs.Add((runClock.Elapsed.TotalSeconds, runCpu.Seconds, steps, (double)(GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / Math.Max(steps, 1),
        GC.CollectionCount(0) - collectionsBefore, (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds / runClock.Elapsed.TotalSeconds, prepareCpu));
}

var rates = runs.Select(r => r.Steps / r.Cpu / 1e6).Order().ToList();
var median = runs.OrderBy(r => r.Steps / r.Cpu).ElementAt(runs.Count / 2);
var simulatorCpu = median.Cpu;
Report($"{id} ({version}) simulator, median of {runs.Count}", median.Steps, median.Wall, median.Cpu,
    string.Create(CultureInfo.InvariantCulture,
        $"{median.BytesPerStep:F0} B allocated/step; GC: {median.Collections} collections, paused {median.Paused:P0} of the time; all runs {string.Join(" ", rates.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} M steps per CPU second"));

// 2. The production path, into the in-memory store.
var options = Options.Create(new Pynsights.Api.Traces.TraceOptions { MaxSteps = 50_000_000, MemoryBudgetBytes = 8L * 1024 * 1024 * 1024 });
var store = new InMemoryTraceStore(options);
var service = new TraceService(SimulatorCatalog.Default, store, new TraceStatistics(), options, TimeProvider.System, NullLogger<TraceService>.Instance);
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
var cpu = CpuClock.Start();
var clock = Stopwatch.StartNew();
var (manifest, _, failure) = await service.GetOrCreateAsync(id, version.ToString(), input.RootElement, CancellationToken.None);
clock.Stop();
var storingCpu = cpu.Seconds;
if (manifest is null)
{
    Console.Error.WriteLine(failure?.Message);
    return 1;
}

var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
var json = 0L;
for (var start = 0; start < manifest.StepCount; start += 4096)
{
    var page = await store.ReadStepsAsync(manifest.Id, start, 4096, CancellationToken.None);
    json += page!.Steps.Sum(s => (long)s.Length + 1);
}

Report($"{id} ({version}) stored trace", manifest.StepCount, clock.Elapsed.TotalSeconds, storingCpu,
    string.Create(CultureInfo.InvariantCulture,
        $"{(double)json / manifest.StepCount:F0} B JSON/step, {(double)store.Bytes / manifest.StepCount:F1} B stored/step in chunks + {2.0 * (manifest.Result.Length + manifest.Input.Length) / manifest.StepCount:F1} B/step of manifest (result and canonical input as text); heap grew {(double)retained / manifest.StepCount:F1} B/step, which also counts buffers the shared array pools keep for reuse"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratios (this run): storing takes {storingCpu / Math.Max(1e-9, simulatorCpu):F2}x the simulator's CPU time, of which {median.Prepare / Math.Max(1e-9, simulatorCpu):F2}x is validating and parsing the input (Prepare, not part of the simulator's time); compression {(double)json / Math.Max(1, store.Bytes):F1}:1"));
return 0;

// Steps per CPU second is the per-core rate, and holds on a shared, busy machine where wall time does not; the GC's
// own threads count, since their work is part of the cost.
static void Report(string what, long count, double seconds, double cpuSeconds, string extra) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {count:N0} steps in {seconds:F3} s wall, {cpuSeconds:F3} s CPU = {count / cpuSeconds / 1e6:F2} M steps per CPU second ({count / seconds / 1e6:F2} M/s wall), {extra}"));

/// <summary>The process's CPU time (all threads) since <see cref="Start"/>.</summary>
internal readonly struct CpuClock(TimeSpan start)
{
    public static CpuClock Start() => new(Process.GetCurrentProcess().TotalProcessorTime);

    public double Seconds => (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
}
