using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Pynsights.Api.GraphQL.Types;

/// <summary>
/// <c>JSON</c>: any JSON value, for simulator inputs, states and results whose shape each simulator documents in
/// its JSON Schema. Output is the JSON as stored; input may be a variable or an inline GraphQL value.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value (object, array, string, number, boolean or null).";
    }

    public override object? Serialize(object? value) => value;

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        JsonElement element => element.Clone(),
        _ => ToElement(w => WriteValue(w, value)),
    };

    public override object? ParseLiteral(GraphQLValue value) => ToElement(w => WriteLiteral(w, value));

    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;

    private static JsonElement ToElement(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>An inline GraphQL value as JSON; integers of any size stay exact.</summary>
    private static void WriteLiteral(Utf8JsonWriter writer, GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLNullValue:
                writer.WriteNullValue();
                break;
            case GraphQLBooleanValue b:
                writer.WriteBooleanValue(b.BoolValue);
                break;
            case GraphQLIntValue i:
                writer.WriteRawValue(i.Value.Span);
                break;
            case GraphQLFloatValue f:
                writer.WriteRawValue(f.Value.Span);
                break;
            case GraphQLStringValue s:
                writer.WriteStringValue(s.Value.Span);
                break;
            case GraphQLEnumValue e:
                writer.WriteStringValue(e.Name.StringValue);
                break;
            case GraphQLListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Values ?? [])
                {
                    WriteLiteral(writer, item);
                }

                writer.WriteEndArray();
                break;
            case GraphQLObjectValue obj:
                writer.WriteStartObject();
                foreach (var field in obj.Fields ?? [])
                {
                    writer.WritePropertyName(field.Name.StringValue);
                    WriteLiteral(writer, field.Value);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"A {value.Kind} cannot be JSON.");
        }
    }

    /// <summary>A variable's value (dictionaries, lists and CLR scalars as the GraphQL serializer reads them) as JSON.</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case BigInteger big:
                writer.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IFormattable number:
                writer.WriteRawValue(number.ToString(number is double or float ? "R" : null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"A {value.GetType().Name} cannot be JSON.");
        }
    }
}
