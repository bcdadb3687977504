using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class TopicStatusGraphType : EnumerationGraphType<TopicStatus>
{
    public TopicStatusGraphType()
    {
        Name = "TopicStatus";
        Description = "Whether a topic's guide is written (PUBLISHED) or only on the map (PLANNED).";
    }
}
