using System.Text.Json;

namespace Pynsights.Api.Traces;

/// <summary>One step of a trace, self-contained: a client can render it having fetched only its page.</summary>
/// <param name="Index">Zero-based position in the trace.</param>
/// <param name="Kind">Short event name, stable per simulator (<c>probe</c>, <c>resize</c>, <c>exception</c>...).</param>
/// <param name="Message">One plain sentence.</param>
/// <param name="State">The simulator's state after the step (shape documented per simulator).</param>
/// <param name="Highlight">Ids in the state or diagram that the step touches.</param>
/// <param name="Source">Where CPython does this in C: file, function, line and a link pinned to a release tag.</param>
public sealed record StepResponse(int Index, string Kind, string Message, JsonElement State, IReadOnlyList<string> Highlight, StepSource? Source);

/// <summary>A place in the CPython source.</summary>
public sealed record StepSource(string File, string Function, int Line, string Url);
