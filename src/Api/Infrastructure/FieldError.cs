using System.Text.Json.Serialization;

namespace Pynsights.Api.Infrastructure;

/// <summary>One invalid field of a request, in a problem details <c>errors</c> list.</summary>
/// <param name="Field">Path of the field (<c>input.operations[3].key</c>).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Limit">The limit exceeded, when a limit was.</param>
/// <param name="Column">1-based column in a Python literal, when the problem is in one.</param>
public sealed record FieldError(
    string Field,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Limit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column = null);
