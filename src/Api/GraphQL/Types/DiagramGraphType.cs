using GraphQL;
using GraphQL.Types;
using Pynsights.Api.Diagrams;

namespace Pynsights.Api.GraphQL.Types;

public sealed class DiagramGraphType : ObjectGraphType<DiagramSpec>
{
    public DiagramGraphType()
    {
        Name = "Diagram";
        Description = "A whiteboard diagram as data, drawable by any client or as SVG by the server.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("topic").Resolve(c => c.Source.Topic);
        Field<NonNullGraphType<IntGraphType>>("frameCount").Resolve(c => c.Source.Frames.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiagramFrameGraphType>>>>("frames")
            .Resolve(c => c.Source.Frames.Select((f, i) => new DiagramFrameSummary(i, f.Caption, f.Alt)));
        Field<NonNullGraphType<JsonGraphType>>("spec").Description("The spec as authored (see /api/v1/schemas/diagram).").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("svg")
            .Description("One frame drawn as an accessible SVG document.")
            .Argument<IntGraphType>("frame", "0-based frame index (default 0).")
            .Resolve(c =>
            {
                var frame = c.GetArgument("frame", 0);
                if (frame < 0 || frame >= c.Source.Frames.Count)
                {
                    var error = new ExecutionError($"'frame' must be a frame index from 0 to {c.Source.Frames.Count - 1} (got {frame}).") { Code = "INVALID_ARGUMENT" };
                    error.Data["field"] = "frame";
                    error.Data["limit"] = c.Source.Frames.Count - 1;
                    throw error;
                }

                return DiagramSvgRenderer.Render(c.Source, frame);
            });
    }
}

/// <summary>A frame's caption and alt text, for GraphQL.</summary>
public sealed record DiagramFrameSummary(int Index, string Caption, string Alt);

public sealed class DiagramFrameGraphType : ObjectGraphType<DiagramFrameSummary>
{
    public DiagramFrameGraphType()
    {
        Name = "DiagramFrame";
        Field<NonNullGraphType<IntGraphType>>("index").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<StringGraphType>>("caption").Resolve(c => c.Source.Caption);
        Field<NonNullGraphType<StringGraphType>>("alt").Resolve(c => c.Source.Alt);
    }
}
