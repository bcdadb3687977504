using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
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
    /// <summary>The id for an input in <see cref="Canonical"/> form.</summary>
    public static string Compute(SimulatorDescriptor simulator, PythonVersion version, string canonicalInput)
    {
        var text = $"{simulator.Id}\n{simulator.LogicVersion}\n{version}\n{canonicalInput}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// The JSON text with object keys sorted at every level, no white space; written straight from the nodes (a
    /// million-operation input is canonicalised without copying it).
    /// </summary>
    public static string Canonical(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, SimulationJson.WriterOptions))
        {
            WriteSorted(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in IsSorted(obj) ? obj : (IEnumerable<KeyValuePair<string, JsonNode?>>)obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteSorted(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer, SimulationJson.Options);
                break;
        }
    }

    /// <summary>Whether the keys are in ordinal order already, as canonical inputs mostly build them.</summary>
    private static bool IsSorted(JsonObject obj)
    {
        string? previous = null;
        foreach (var (key, _) in obj)
        {
            if (previous is not null && string.CompareOrdinal(previous, key) > 0)
            {
                return false;
            }

            previous = key;
        }

        return true;
    }

    public static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}
