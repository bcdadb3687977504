using System.Text.Json.Nodes;

namespace Pynsights.Api.GraphQL;

/// <summary>The body of <c>POST /graphql</c> (graphql-over-http); documents the endpoint in OpenAPI.</summary>
/// <param name="Query">The GraphQL document (at most 64 KiB with the rest of the body).</param>
/// <param name="OperationName">Which operation of the document to run, when it has several.</param>
/// <param name="Variables">Values of the operation's variables.</param>
/// <param name="Extensions">Protocol extensions; none are defined yet.</param>
public sealed record GraphQLHttpRequest(string Query, string? OperationName = null, JsonObject? Variables = null, JsonObject? Extensions = null);
