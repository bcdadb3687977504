using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Pynsights.Api.Content;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Diagrams;

/// <summary>Diagram specs as data, their JSON Schema, and each frame drawn as SVG on the server.</summary>
public static class DiagramsApi
{
    public static IEndpointRouteBuilder MapDiagramsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Diagrams").WithETags();

        api.MapGet("/diagrams", ListDiagrams)
            .WithName("ListDiagrams")
            .WithSummary("List the diagrams, optionally of one topic")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/diagrams/{id}", GetDiagram)
            .WithName("GetDiagram")
            .WithSummary("Get a diagram spec (canvas, elements with semantic roles, frames with captions and alt text)")
            .WithDescription("Valid against GET /api/v1/schemas/diagram. Any client can render it; /api/v1/diagrams/{id}.svg renders it on the server.")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/diagrams/{id}.svg", GetDiagramSvg)
            .WithName("GetDiagramSvg")
            .WithSummary("Draw one frame of a diagram as an accessible SVG")
            .WithDescription("`frame` is 0-based (default 0). The SVG has a <title> (title and caption) and a <desc> (alt text); the same spec and frame always give the same bytes.")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/schemas/diagram", GetDiagramSchema)
            .WithName("GetDiagramSchema")
            .WithSummary("The JSON Schema of diagram specs")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/schema+json");

        return app;
    }

    internal static Results<Ok<DiagramListResponse>, ProblemHttpResult> ListDiagrams(ContentStore content, string? topic = null)
    {
        var catalog = content.Current;
        if (topic is not null && catalog.FindTopic(topic) is null)
        {
            return Problems.InvalidParameter("topic", $"No topic has the id '{topic}'.");
        }

        var items = catalog.Diagrams.Values
            .Where(d => topic is null || d.Topic == topic)
            .OrderBy(d => catalog.FindTopic(d.Topic)?.Order ?? int.MaxValue)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(DiagramSummaryResponse.From)
            .ToList();
        return TypedResults.Ok(new DiagramListResponse(items));
    }

    internal static Results<JsonHttpResult<JsonElement>, ProblemHttpResult> GetDiagram(string id, ContentStore content) =>
        content.Current.Diagrams.TryGetValue(id, out var spec)
            ? TypedResults.Json(spec.Source)
            : Problems.NotFound("diagram", id);

    internal static Results<ContentHttpResult, ProblemHttpResult> GetDiagramSvg(string id, ContentStore content, string? frame = null)
    {
        if (!content.Current.Diagrams.TryGetValue(id, out var spec))
        {
            return Problems.NotFound("diagram", id);
        }

        var last = spec.Frames.Count - 1;
        var index = 0;
        if (frame is not null && (!int.TryParse(frame, NumberStyles.None, CultureInfo.InvariantCulture, out index) || index > last))
        {
            return Problems.InvalidParameter("frame", $"'frame' must be a frame index from 0 to {last} (got '{frame}').", last);
        }

        return TypedResults.Text(DiagramSvgRenderer.Render(spec, index), "image/svg+xml; charset=utf-8", Encoding.UTF8);
    }

    internal static ContentHttpResult GetDiagramSchema() =>
        TypedResults.Text(DiagramLoader.SchemaText, "application/schema+json; charset=utf-8", Encoding.UTF8);
}
