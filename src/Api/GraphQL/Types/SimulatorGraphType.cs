using GraphQL.Types;
using Pynsights.Api.Simulations;

namespace Pynsights.Api.GraphQL.Types;

public sealed class SimulatorGraphType : ObjectGraphType<SimulatorResponse>
{
    public SimulatorGraphType()
    {
        Name = "Simulator";
        Description = "A step-through simulator of what CPython does.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics").Resolve(c => c.Source.Topics);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("pythonVersions").Resolve(c => c.Source.PythonVersions);
        Field<NonNullGraphType<StringGraphType>>("defaultPythonVersion").Resolve(c => c.Source.DefaultPythonVersion);
        Field<NonNullGraphType<IntGraphType>>("logicVersion").Resolve(c => c.Source.LogicVersion);
        Field<NonNullGraphType<JsonGraphType>>("inputSchema").Description("JSON Schema (2020-12) of the input.").Resolve(c => c.Source.InputSchema);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InputLimitGraphType>>>>("limits").Resolve(c => c.Source.Limits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JsonGraphType>>>>("examples").Description("Valid example inputs.").Resolve(c => c.Source.Examples);
    }
}
