namespace Pynsights.Api.Diagrams;

/// <summary>A diagram as listed.</summary>
public sealed record DiagramSummaryResponse(string Id, string Title, string Topic, int FrameCount, DiagramLinks Links)
{
    public static DiagramSummaryResponse From(DiagramSpec spec) =>
        new(spec.Id, spec.Title, spec.Topic, spec.Frames.Count, DiagramLinks.For(spec.Id));
}

/// <summary>Where a diagram's spec and pictures are.</summary>
public sealed record DiagramLinks(string Spec, string Svg)
{
    public static DiagramLinks For(string id) => new($"/api/v1/diagrams/{id}", $"/api/v1/diagrams/{id}.svg?frame=0");
}
