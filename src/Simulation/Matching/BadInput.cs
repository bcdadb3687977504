namespace Pynsights.Simulation.Matching;

/// <summary>A value of the input that Pynsights cannot evaluate, met while running; the dry run reports it on <c>Field</c>.</summary>
#pragma warning disable CA1064 // internal control flow, never seen by callers
internal sealed class BadInput(string field, string message) : Exception(message)
#pragma warning restore CA1064
{
    public string Field { get; } = field;
}
