using Microsoft.AspNetCore.Mvc;

namespace Pynsights.Api.Traces;

/// <summary>Query parameters of <c>GET /api/v1/traces/{id}/steps</c> (Relay pagination, plus a jump to a step).</summary>
/// <param name="First">Steps after the start (default 50, at most 500).</param>
/// <param name="After">Start after this step's cursor.</param>
/// <param name="Last">Steps before the end (at most 500); the end is <c>before</c>, or the trace's end.</param>
/// <param name="Before">End before this step's cursor.</param>
/// <param name="At">Start at this step index (0-based) instead of a cursor.</param>
public sealed record StepPageRequest(
    [FromQuery(Name = "first")] string? First = null,
    [FromQuery(Name = "after")] string? After = null,
    [FromQuery(Name = "last")] string? Last = null,
    [FromQuery(Name = "before")] string? Before = null,
    [FromQuery(Name = "at")] string? At = null);
