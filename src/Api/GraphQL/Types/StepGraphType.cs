using GraphQL.Types;
using Pynsights.Api.Traces;

namespace Pynsights.Api.GraphQL.Types;

public sealed class StepGraphType : ObjectGraphType<StepResponse>
{
    public StepGraphType()
    {
        Name = "Step";
        Description = "One self-contained step of a trace.";
        Field<NonNullGraphType<IntGraphType>>("index").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
        Field<JsonGraphType>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("highlight").Resolve(c => c.Source.Highlight);
        Field<StepSourceGraphType>("source").Resolve(c => c.Source.Source);
    }
}
