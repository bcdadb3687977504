using System.Text.Json.Nodes;

namespace Pynsights.Api.GraphQL;

/// <summary>A GraphQL response: <c>data</c>, and <c>errors</c> each with <c>extensions.code</c>.</summary>
public sealed record GraphQLHttpResponse(JsonObject? Data, IReadOnlyList<GraphQLHttpError>? Errors);

/// <summary>One GraphQL error.</summary>
public sealed record GraphQLHttpError(string Message, IReadOnlyList<JsonObject>? Locations, IReadOnlyList<JsonNode>? Path, JsonObject? Extensions);
