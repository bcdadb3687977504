namespace Pynsights.Api.Diagrams;

/// <summary>Every diagram (optionally of one topic).</summary>
public sealed record DiagramListResponse(IReadOnlyList<DiagramSummaryResponse> Items);
