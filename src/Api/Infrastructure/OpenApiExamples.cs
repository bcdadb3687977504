using Microsoft.AspNetCore.Mvc;
using Pynsights.Api.Topics;

namespace Pynsights.Api.Infrastructure;

/// <summary>
/// Example bodies for the OpenAPI document, computed from the live services so they are true answers of this API.
/// </summary>
internal sealed class OpenApiExamples(TopicQueries topics, global::GraphQL.Types.ISchema schema)
{
    public object? For(string operationId, string status, string mediaType)
    {
        if (status != "200")
        {
            return ProblemExample(status);
        }

        var published = topics.Catalog.Topics.FirstOrDefault(t => t.Guide is not null) ?? topics.Catalog.Topics[0];
        return (operationId, mediaType) switch
        {
            ("ListSections", _) => TopicsApi.GetSections(topics).Value,
            ("ListTopics", _) => TopicsApi.ListTopics(new TopicListRequest(First: "2"), topics).Result is Microsoft.AspNetCore.Http.HttpResults.Ok<Connection<TopicSummaryResponse>> ok ? ok.Value : null,
            ("GetTopic", _) => TopicResponse.From(published),
            ("GetTopicGuide", "text/html") => published.Guide?.Html[..Math.Min(400, published.Guide.Html.Length)],
            ("GetTopicGuide", _) => published.Guide?.Markdown[..Math.Min(400, published.Guide.Markdown.Length)],
            ("GetProblemType", _) => InfrastructureExtensions.GetProblemType("invalid-cursor").Result is Microsoft.AspNetCore.Http.HttpResults.Ok<ProblemTypeResponse> type ? type.Value : null,
            ("GetGraphQLSchema", _) => global::GraphQL.SchemaExtensions.Print(schema)[..200],
            _ => null,
        };
    }

    private static ProblemDetails? ProblemExample(string status) => status switch
    {
        "404" => Problem(ProblemTypes.NotFound, "Not found", 404, "No topic has the id 'dict-hashing'.", ("resource", "topic"), ("id", "dict-hashing")),
        "400" => Problem(ProblemTypes.InvalidParameter, "Invalid parameter", 400, "'first' must be a whole number from 1 to 100 (got '500').", ("field", "first"), ("limit", 100)),
        "406" => Problem(ProblemTypes.NotAcceptable, "Not acceptable", 406, "The Accept header names no media type this endpoint produces.", ("supported", new[] { "text/markdown", "text/html" })),
        _ => null,
    };

    private static ProblemDetails Problem(string type, string title, int status, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
