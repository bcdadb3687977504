namespace Pynsights.Simulation;

/// <summary>
/// One self-contained step of a trace: enough for a client to render it having fetched only the page that holds it.
/// </summary>
/// <param name="Index">Zero-based position in the trace.</param>
/// <param name="Kind">A short event name, stable per simulator (<c>probe</c>, <c>resize</c>, ...).</param>
/// <param name="Message">One plain sentence a learner reads.</param>
/// <param name="State">The state after the step, a JSON-serializable immutable object; bounded in size.</param>
/// <param name="Highlight">Ids in the state (or in the topic's diagram) that the step touches.</param>
/// <param name="Source">Where CPython does this in C, when it does.</param>
public sealed record Step(
    int Index,
    string Kind,
    string Message,
    object? State,
    IReadOnlyList<string> Highlight,
    SourceLocation? Source);
