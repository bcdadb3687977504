using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pynsights.Simulation;

// Usage: Simulation.Benchmarks <simulator-id> [input-json] [python-version]
// Without an input the simulator's first example is used. Enumerates every step and reads the result, then prints
// steps/second and bytes allocated per step on this thread (GC.GetAllocatedBytesForCurrentThread).
if (args.Length < 1 || SimulatorCatalog.Default.Find(args[0]) is not { } simulator)
{
    Console.Error.WriteLine($"usage: <id> [input-json] [version]; ids: {string.Join(", ", SimulatorCatalog.Default.All.Select(s => s.Descriptor.Id))}");
    return 2;
}

var inputText = args.Length > 1 ? args[1] : simulator.Descriptor.Examples[0].ToJsonString();
var version = PythonVersion.Default;
if (args.Length > 2 && !PythonVersion.TryParse(args[2], out version))
{
    Console.Error.WriteLine($"unknown Python version {args[2]}");
    return 2;
}

using var input = JsonDocument.Parse(inputText);
var run = simulator.Prepare(input.RootElement, version, out var problems);
if (run is null)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, problems.Select(p => $"{p.Field}: {p.Message}")));
    return 1;
}

var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
var clock = Stopwatch.StartNew();
long steps = 0;
foreach (var step in run.Steps())
{
    steps += step.Index >= 0 ? 1 : 0;
}

_ = run.Result;
clock.Stop();
var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{simulator.Descriptor.Id} ({version}): {steps:N0} steps in {seconds:F3} s = {steps / seconds / 1e6:F2} M steps/s, {(double)bytes / Math.Max(steps, 1):F0} B allocated/step"));
return 0;
