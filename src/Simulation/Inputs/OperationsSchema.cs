using System.Text.Json.Nodes;

namespace Pynsights.Simulation.Inputs;

/// <summary>
/// The JSON Schema shared by the table simulators (<c>dict-probing</c>, <c>set-probing</c>):
/// <c>{operations: [{op, key?, ...}], hashSeed?}</c>, where each operation's Python-text fields are described by the
/// simulator.
/// </summary>
internal static class OperationsSchema
{
    /// <param name="ops">The allowed <c>op</c> names.</param>
    /// <param name="maxOperations">The most operations.</param>
    /// <param name="maxTextLength">The longest Python source text of a field.</param>
    /// <param name="textFields">Each optional Python-text field of an operation and its description, in order.</param>
    public static JsonObject Build(IEnumerable<string> ops, int maxOperations, int maxTextLength, params (string Name, string Description)[] textFields)
    {
        var itemProperties = new JsonObject { ["op"] = new JsonObject { ["enum"] = new JsonArray([.. ops.Select(n => JsonValue.Create(n))]) } };
        foreach (var (name, description) in textFields)
        {
            itemProperties[name] = new JsonObject { ["type"] = "string", ["maxLength"] = maxTextLength, ["description"] = description };
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("operations"),
            ["properties"] = new JsonObject
            {
                ["operations"] = new JsonObject
                {
                    ["type"] = "array",
                    ["maxItems"] = maxOperations,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("op"),
                        ["properties"] = itemProperties,
                    },
                },
                ["hashSeed"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = uint.MaxValue, ["default"] = 0 },
            },
        };
    }
}
