namespace Pynsights.Api.Simulations;

/// <summary>Every simulator.</summary>
public sealed record SimulatorListResponse(IReadOnlyList<SimulatorSummaryResponse> Items);
