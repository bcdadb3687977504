using Microsoft.Extensions.Options;
using Pynsights.Api.Content;
using Pynsights.Api.Infrastructure;

namespace Pynsights.Api.Topics;

/// <summary>The one service behind REST and GraphQL for sections and topics, so both answer alike.</summary>
public sealed class TopicQueries(ContentStore content, IOptions<ApiLimits> limits)
{
    private const string CursorScope = "topics";

    public ContentCatalog Catalog => content.Current;

    public IReadOnlyList<SectionResponse> Sections()
    {
        var catalog = content.Current;
        return
        [
            .. catalog.Sections.Select(s =>
            {
                var topics = catalog.Topics.Where(t => t.Section == s.Id).ToList();
                return new SectionResponse(s.Id, s.Title, s.Order, s.Summary, topics.Count, topics.Count(t => t.Status == TopicStatus.Published));
            }),
        ];
    }

    public Topic? Find(string id) => content.Current.FindTopic(id);

    /// <summary>A page of topics filtered by section and search words, or why the request is invalid.</summary>
    public (Connection<Topic>? Page, QueryError? Error) Search(string? section, string? q, string? first, string? after)
    {
        var catalog = content.Current;
        var options = limits.Value;
        var (size, sizeError) = PageRequest.Size(first, options);
        if (sizeError is not null)
        {
            return (null, sizeError);
        }

        if (section is not null && catalog.FindSection(section) is null)
        {
            return (null, QueryError.Parameter("section",
                $"Unknown section '{section}'; sections are: {string.Join(", ", catalog.Sections.Select(s => s.Id))}."));
        }

        IEnumerable<Topic> topics = catalog.Topics;
        if (section is not null)
        {
            topics = topics.Where(t => t.Section == section);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            if (q.Length > options.MaxSearchLength)
            {
                return (null, QueryError.Parameter("q", $"'q' is {q.Length} characters long; the limit is {options.MaxSearchLength}.", options.MaxSearchLength));
            }

            var terms = q.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (terms.Length > options.MaxSearchTerms)
            {
                return (null, QueryError.Parameter("q", $"'q' has {terms.Length} words; the limit is {options.MaxSearchTerms}.", options.MaxSearchTerms));
            }

            topics = topics
                .Select(t => (Topic: t, Score: Score(t.SearchText, terms)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Topic.Order)
                .Select(x => x.Topic);
        }

        var list = topics.ToList();
        var start = 0;
        if (after is not null)
        {
            var afterId = Cursor.Decode(CursorScope, after);
            var index = afterId is null ? -1 : list.FindIndex(t => t.Id == afterId);
            if (index < 0)
            {
                return (null, QueryError.Cursor("after", afterId is null
                    ? "'after' is not a cursor of this listing."
                    : "'after' points at a topic that is not in this listing (the filters changed, or the content did)."));
            }

            start = index + 1;
        }

        var edges = list.Skip(start).Take(size).Select(t => new Edge<Topic>(Cursor.Encode(CursorScope, t.Id), t)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: start + edges.Count < list.Count,
            HasPreviousPage: start > 0,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return (new Connection<Topic>(edges, pageInfo, list.Count), null);
    }

    /// <summary>0 unless every term occurs; title hits weigh most, then summary, then guide.</summary>
    private static int Score(SearchText text, string[] terms)
    {
        var score = 0;
        foreach (var term in terms)
        {
            var termScore = (text.Title.Contains(term, StringComparison.Ordinal) ? 3 : 0)
                + (text.Summary.Contains(term, StringComparison.Ordinal) ? 2 : 0)
                + (text.Body.Contains(term, StringComparison.Ordinal) ? 1 : 0);
            if (termScore == 0)
            {
                return 0;
            }

            score += termScore;
        }

        return score;
    }
}
