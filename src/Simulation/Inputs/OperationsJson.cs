using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Inputs;

/// <summary>
/// Builds the canonical input <c>{operations: [{op, key?, value?}], hashSeed}</c> of the probing simulators. It is
/// written as UTF-8 and parsed back, so a million operations cost one buffer and lazily materialised nodes rather
/// than a million <see cref="JsonObject"/>s.
/// </summary>
internal sealed class OperationsJson
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public OperationsJson()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
        _writer.WriteStartArray("operations");
    }

    public void Add(string op, string? key, string? value)
    {
        _writer.WriteStartObject();
        _writer.WriteString("op", op);
        if (key is not null)
        {
            _writer.WriteString("key", key);
        }

        if (value is not null)
        {
            _writer.WriteString("value", value);
        }

        _writer.WriteEndObject();
    }

    public JsonObject Build(uint hashSeed)
    {
        _writer.WriteEndArray();
        _writer.WriteNumber("hashSeed", hashSeed);
        _writer.WriteEndObject();
        _writer.Flush();
        return JsonNode.Parse(_buffer.WrittenSpan)!.AsObject();
    }
}
