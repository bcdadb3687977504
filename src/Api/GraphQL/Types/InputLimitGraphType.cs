using GraphQL.Types;
using Pynsights.Simulation;

namespace Pynsights.Api.GraphQL.Types;

public sealed class InputLimitGraphType : ObjectGraphType<InputLimit>
{
    public InputLimitGraphType()
    {
        Name = "InputLimit";
        Description = "A documented bound on a simulator input.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<LongGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
    }
}
