namespace Pynsights.Api.Traces;

/// <summary>
/// What a store keeps about a complete trace besides its steps. <paramref name="Input"/> and
/// <paramref name="Result"/> are JSON text, exactly as generated.
/// </summary>
public sealed record TraceManifest(
    string Id,
    string Simulator,
    string PythonVersion,
    int LogicVersion,
    string Input,
    int StepCount,
    string Result,
    int ChunkSize,
    DateTimeOffset CreatedAt);
