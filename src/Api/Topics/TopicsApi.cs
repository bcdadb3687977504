using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Topics;

/// <summary>REST endpoints for sections and topics under <c>/api/v1</c>.</summary>
public static class TopicsApi
{
    private static readonly string[] GuideMediaTypes = ["text/markdown", "text/html"];

    public static IServiceCollection AddTopics(this IServiceCollection services) => services.AddSingleton<TopicQueries>();

    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Topics").WithETags();

        api.MapGet("/sections", GetSections)
            .WithName("ListSections")
            .WithSummary("List the sections of the manual")
            .WithDescription("Every section in manual order, with how many topics it has and how many are published.");

        api.MapGet("/topics", ListTopics)
            .WithName("ListTopics")
            .WithSummary("List topics, filtered and searched, one page at a time")
            .WithDescription("Relay-shaped page of topics in manual order (or by relevance when `q` is given). Follow `pageInfo.endCursor` with `after`.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/topics/{id}", GetTopic)
            .WithName("GetTopic")
            .WithSummary("Get a topic with its references and guide")
            .WithDescription("The guide comes as Markdown, as HTML and as an outline of headings with their anchors; it is null while the topic is planned.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/topics/{id}/guide", GetGuide)
            .WithName("GetTopicGuide")
            .WithSummary("Get a topic's guide as Markdown or HTML")
            .WithDescription("Content negotiation on `Accept`: `text/markdown` (the default) or `text/html` (a fragment).")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        return app;
    }

    internal static Ok<SectionListResponse> GetSections(TopicQueries topics) => TypedResults.Ok(new SectionListResponse(topics.Sections()));

    internal static Results<Ok<Connection<TopicSummaryResponse>>, ProblemHttpResult> ListTopics(
        [AsParameters] TopicListRequest request, TopicQueries topics)
    {
        var (page, error) = topics.Search(request.Section, request.Q, request.First, request.After);
        if (error is not null)
        {
            return error.ToProblem();
        }

        return TypedResults.Ok(new Connection<TopicSummaryResponse>(
            [.. page!.Edges.Select(e => new Edge<TopicSummaryResponse>(e.Cursor, TopicSummaryResponse.From(e.Node)))],
            page.PageInfo,
            page.TotalCount));
    }

    internal static Results<Ok<TopicResponse>, ProblemHttpResult> GetTopic(string id, TopicQueries topics) =>
        topics.Find(id) is { } topic ? TypedResults.Ok(TopicResponse.From(topic)) : Problems.NotFound("topic", id);

    internal static Results<ContentHttpResult, ProblemHttpResult> GetGuide(string id, TopicQueries topics, HttpContext context)
    {
        if (topics.Find(id) is not { } topic)
        {
            return Problems.NotFound("topic", id);
        }

        context.Response.Headers.Vary = HeaderNames.Accept;
        var mediaType = Negotiate(context.Request);
        if (mediaType is null)
        {
            return Problems.NotAcceptable(GuideMediaTypes);
        }

        if (topic.Guide is not { } guide)
        {
            return Problems.GuideNotWritten(id);
        }

        return mediaType == "text/html"
            ? TypedResults.Text(guide.Html, "text/html; charset=utf-8", Encoding.UTF8)
            : TypedResults.Text(guide.Markdown, "text/markdown; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The best of <see cref="GuideMediaTypes"/> for the request's Accept header (Markdown when absent).</summary>
    internal static string? Negotiate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return GuideMediaTypes[0];
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var range in accepted.OrderByDescending(a => a.Quality ?? 1.0))
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0)
            {
                continue;
            }

            var match = GuideMediaTypes.FirstOrDefault(t => new MediaTypeHeaderValue(t).IsSubsetOf(range));
            if (match is not null && quality > bestQuality)
            {
                best = match;
                bestQuality = quality;
            }
        }

        return best;
    }
}
