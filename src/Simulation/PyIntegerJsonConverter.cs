using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pynsights.Simulation;

/// <summary>Writes a <see cref="PyInteger"/> as a number when it is JSON-safe, otherwise as a decimal string.</summary>
internal sealed class PyIntegerJsonConverter : JsonConverter<PyInteger>
{
    public override PyInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.String => reader.GetString()!,
            _ => throw new JsonException("A Python int is a JSON number or a decimal string."),
        };
        return new PyInteger(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    public override void Write(Utf8JsonWriter writer, PyInteger value, JsonSerializerOptions options)
    {
        if (value.IsSafe)
        {
            writer.WriteNumberValue((long)value.Value);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
