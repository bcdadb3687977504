using System.Text.Json;

namespace Pynsights.Api.Simulations;

/// <summary>The body of <c>POST /api/v1/simulations/{id}/traces</c>.</summary>
/// <param name="PythonVersion">3.10, 3.11, 3.12, 3.13 (default), 3.13t, 3.14 or 3.14t.</param>
/// <param name="Input">The simulator's input, valid against its <c>inputSchema</c>.</param>
public sealed record CreateTraceRequest(string? PythonVersion, JsonElement? Input);
