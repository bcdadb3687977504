using System.Buffers;
using System.Text.Json;

namespace Pynsights.Simulation;

/// <summary>
/// One self-contained step of a trace: enough for a client to render it having fetched only the page that holds it.
/// Immutable. Simulators whose traces run to millions of steps derive from it and keep the few numbers a step is made
/// of, producing <see cref="Message"/>, <see cref="State"/> and <see cref="Highlight"/> only when they are read, and
/// writing the step's JSON straight from those numbers (<see cref="WriteTo"/>); everything else constructs it whole.
/// </summary>
public class Step
{
    private readonly string? _message;
    private readonly object? _state;
    private readonly IReadOnlyList<string>? _highlight;

    /// <param name="index">Zero-based position in the trace.</param>
    /// <param name="kind">A short event name, stable per simulator (<c>probe</c>, <c>resize</c>, ...).</param>
    /// <param name="message">One plain sentence a learner reads.</param>
    /// <param name="state">The state after the step, a JSON-serializable immutable object; bounded in size.</param>
    /// <param name="highlight">Ids in the state (or in the topic's diagram) that the step touches.</param>
    /// <param name="source">Where CPython does this in C, when it does.</param>
    public Step(int index, string kind, string message, object? state, IReadOnlyList<string> highlight, SourceLocation? source)
    {
        Index = index;
        Kind = kind;
        _message = message;
        _state = state;
        _highlight = highlight;
        Source = source;
    }

    /// <summary>
    /// For a step that makes its state and highlight on demand, and its message too when <paramref name="message"/>
    /// is null: it overrides <see cref="State"/>, <see cref="Highlight"/> and then <see cref="TryFormatMessage"/>,
    /// and may override <see cref="WriteTo"/> to write its JSON without making them.
    /// </summary>
    protected Step(int index, string kind, string? message, SourceLocation? source)
    {
        Index = index;
        Kind = kind;
        _message = message;
        Source = source;
    }

    /// <summary>Zero-based position in the trace.</summary>
    public int Index { get; }

    /// <summary>A short event name, stable per simulator (<c>probe</c>, <c>resize</c>, ...).</summary>
    public string Kind { get; }

    /// <summary>One plain sentence a learner reads.</summary>
    public string Message
    {
        get
        {
            if (_message is not null)
            {
                return _message;
            }

            var buffer = FormatMessage(out var length);
            var text = new string(buffer, 0, length);
            ArrayPool<char>.Shared.Return(buffer);
            return text;
        }
    }

    /// <summary>The state after the step, a JSON-serializable immutable object; bounded in size.</summary>
    public virtual object? State => _state;

    /// <summary>Ids in the state (or in the topic's diagram) that the step touches.</summary>
    public virtual IReadOnlyList<string> Highlight => _highlight!;

    /// <summary>Where CPython does this in C, when it does.</summary>
    public SourceLocation? Source { get; }

    /// <summary>
    /// Writes the step as one JSON object: the same bytes <c>JsonSerializer.Serialize&lt;Step&gt;(step,
    /// SimulationJson.Options)</c> gives on a writer with <see cref="SimulationJson.WriterOptions"/>, without the
    /// reflection or, for steps that make their parts on demand, the strings and objects in between.
    /// </summary>
    public virtual void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, Index);
        writer.WriteString("kind"u8, Kind);
        WriteMessage(writer);
        writer.WritePropertyName("state"u8);
        WriteState(writer);
        writer.WritePropertyName("highlight"u8);
        WriteHighlight(writer);
        writer.WritePropertyName("source"u8);
        if (Source is { } source)
        {
            writer.WriteStartObject();
            writer.WriteString("file"u8, source.File);
            writer.WriteString("function"u8, source.Function);
            writer.WriteNumber("line"u8, source.Line);
            writer.WriteString("url"u8, source.Url);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>message</c> property.</summary>
    private void WriteMessage(Utf8JsonWriter writer)
    {
        if (_message is not null)
        {
            writer.WriteString("message"u8, _message);
            return;
        }

        var buffer = FormatMessage(out var length);
        writer.WriteString("message"u8, buffer.AsSpan(0, length));
        ArrayPool<char>.Shared.Return(buffer);
    }

    /// <summary>The message of an on-demand step, formatted into a rented buffer that is grown until it fits.</summary>
    private protected char[] FormatMessage(out int length)
    {
        var buffer = ArrayPool<char>.Shared.Rent(256);
        while (!TryFormatMessage(buffer, out length))
        {
            var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        return buffer;
    }

    /// <summary>
    /// An on-demand step formats its message into <paramref name="destination"/> (false when it does not fit); a
    /// whole step never gets here.
    /// </summary>
    protected virtual bool TryFormatMessage(Span<char> destination, out int written) =>
        throw new InvalidOperationException($"{GetType().Name} makes its message on demand but does not format it.");

    /// <summary>Writes the value of the <c>state</c> property.</summary>
    private void WriteState(Utf8JsonWriter writer)
    {
        if (State is { } state)
        {
            JsonSerializer.Serialize(writer, state, state.GetType(), SimulationJson.Options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes the value of the <c>highlight</c> property.</summary>
    private void WriteHighlight(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var id in Highlight)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }
}
