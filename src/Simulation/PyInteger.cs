using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pynsights.Simulation;

/// <summary>
/// A Python int in a state or result. It serializes as a JSON number while a JavaScript client can hold it exactly
/// (|v| &lt;= 2^53 - 1) and as a decimal string beyond, so huge values (Py_ssize_t bounds, 10**30) stay exact.
/// </summary>
[JsonConverter(typeof(PyIntegerJsonConverter))]
public readonly record struct PyInteger(BigInteger Value)
{
    /// <summary>2^53 - 1, the largest integer a JSON (IEEE double) number keeps exactly.</summary>
    public const long MaxSafe = (1L << 53) - 1;

    public bool IsSafe => Value >= -MaxSafe && Value <= MaxSafe;

    public static implicit operator PyInteger(long value) => new(value);

    public static implicit operator PyInteger(BigInteger value) => new(value);

    /// <summary>The same JSON form the converter writes, for canonical inputs built as JSON nodes.</summary>
    public JsonNode ToJsonNode() => IsSafe ? JsonValue.Create((long)Value) : JsonValue.Create(ToString());

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
