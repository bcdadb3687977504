using System.Text.Json;

namespace Pynsights.Api.Diagrams;

/// <summary>A diagram spec as authored in <c>content/diagrams/&lt;id&gt;.json</c> (see content/schemas/diagram.schema.json).</summary>
public sealed record DiagramSpec(
    string Id,
    string Title,
    string Topic,
    DiagramCanvas Canvas,
    int Seed,
    IReadOnlyList<DiagramElement> Elements,
    IReadOnlyList<DiagramFrame> Frames)
{
    /// <summary>The spec exactly as authored, served as is.</summary>
    public JsonElement Source { get; init; }
}

public sealed record DiagramCanvas(int Width, int Height);

/// <summary>One element; which properties apply depends on <see cref="Role"/> (the schema says which).</summary>
public sealed record DiagramElement(
    string Id,
    string Role,
    string? Label,
    string? Tone,
    double? X,
    double? Y,
    double? Width,
    double? Height,
    string? Text,
    double? CellWidth,
    double? CellHeight,
    string? Direction,
    bool? ShowIndices,
    IReadOnlyList<DiagramCell>? Cells,
    string? From,
    string? To,
    bool? Dashed,
    string? Size,
    IReadOnlyList<string>? Children);

public sealed record DiagramCell(string Id, string Text, string? Tone);

public sealed record DiagramFrame(
    string Caption,
    string Alt,
    IReadOnlyList<string>? Add,
    IReadOnlyList<string>? Remove,
    IReadOnlyList<string>? Highlight,
    IReadOnlyList<DiagramChange>? Set);

/// <summary>A change of text or tone of an element or cell, from a frame on.</summary>
public sealed record DiagramChange(string Id, string? Text, string? Tone);
