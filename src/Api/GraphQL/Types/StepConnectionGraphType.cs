using Pynsights.Api.Traces;

namespace Pynsights.Api.GraphQL.Types;

public sealed class StepConnectionGraphType() : ConnectionGraphType<StepGraphType, StepResponse, StepEdgeGraphType>("StepConnection");

public sealed class StepEdgeGraphType() : EdgeGraphType<StepGraphType, StepResponse>("StepEdge");
