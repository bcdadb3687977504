using Microsoft.AspNetCore.Mvc;

namespace Pynsights.Api.Topics;

/// <summary>Query parameters of <c>GET /api/v1/topics</c>.</summary>
/// <param name="Section">Only topics of this section id.</param>
/// <param name="Q">Words that must all appear in the title, summary or guide (case-insensitive, at most 200 characters and 10 words); ranks title hits first.</param>
/// <param name="First">Page size, 1 to 100 (default 20).</param>
/// <param name="After">Cursor of the last item of the previous page (<c>pageInfo.endCursor</c>).</param>
public sealed record TopicListRequest(
    [FromQuery(Name = "section")] string? Section = null,
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "first")] string? First = null,
    [FromQuery(Name = "after")] string? After = null);
