using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Pynsights.Simulation;

namespace Pynsights.Api.Traces;

/// <summary>
/// The deterministic id of a trace: SHA-256 over the simulator id, its logic version, the Python version and the
/// canonical input (keys sorted, defaults filled), truncated to 128 bits as 32 hex digits. Every replica computes
/// the same id, so a repeated request is a cache hit anywhere.
/// </summary>
public static class TraceId
{
    public static string Compute(SimulatorDescriptor simulator, PythonVersion version, JsonObject canonicalInput)
    {
        var text = $"{simulator.Id}\n{simulator.LogicVersion}\n{version}\n{Canonical(canonicalInput)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>The JSON text with object keys sorted at every level, no white space.</summary>
    public static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString(SimulationJson.Options) ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        _ => node?.DeepClone(),
    };

    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
