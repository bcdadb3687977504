using GraphQL.Types;
using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class TopicGraphType : ObjectGraphType<Topic>
{
    public TopicGraphType()
    {
        Name = "Topic";
        Description = "A topic of the manual.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("section").Description("The section id.").Resolve(c => c.Source.Section);
        Field<NonNullGraphType<IntGraphType>>("order").Resolve(c => c.Source.Order);
        Field<NonNullGraphType<TopicStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<VersionRangeGraphType>>("pythonVersions").Resolve(c => c.Source.PythonVersions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferenceGraphType>>>>("references").Resolve(c => c.Source.References);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("diagrams").Description("Ids of the topic's diagram specs.").Resolve(c => c.Source.Diagrams);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiagramGraphType>>>>("diagramSpecs")
            .Description("The topic's diagrams themselves.")
            .Resolve(c => c.Source.Diagrams.Select(id => QueryGraphType.Service<ContentStore>(c).Current.Diagrams.GetValueOrDefault(id)).OfType<Diagrams.DiagramSpec>());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("simulations").Description("Ids of the simulators that serve this topic.").Resolve(c => c.Source.Simulations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("plannedSimulations").Description("Ids of simulators planned for this topic, not built yet.").Resolve(c => c.Source.PlannedSimulations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("benchmarks").Resolve(c => c.Source.Benchmarks);
        Field<GuideGraphType>("guide").Description("The guide; null while the topic is planned.").Resolve(c => c.Source.Guide);
    }
}
