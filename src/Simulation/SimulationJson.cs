using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pynsights.Simulation;

/// <summary>
/// The one JSON form of steps, results and canonical inputs: camelCase, enums as camelCase strings, no indentation,
/// and an encoder that leaves non-ASCII text readable. Deterministic: the same trace gives the same bytes.
/// </summary>
public static class SimulationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The writer settings that go with <see cref="Options"/>, for code that writes JSON by hand (<see cref="Step.WriteTo"/>).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Options.Encoder, SkipValidation = true };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
