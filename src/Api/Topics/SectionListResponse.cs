namespace Pynsights.Api.Topics;

/// <summary>Every section, in manual order.</summary>
public sealed record SectionListResponse(IReadOnlyList<SectionResponse> Items);
