using Pynsights.Api.Content;

namespace Pynsights.Api.GraphQL.Types;

public sealed class TopicConnectionGraphType() : ConnectionGraphType<TopicGraphType, Topic, TopicEdgeGraphType>("TopicConnection");

public sealed class TopicEdgeGraphType() : EdgeGraphType<TopicGraphType, Topic>("TopicEdge");
