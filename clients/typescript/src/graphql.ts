import type { Section, Simulator, SimulatorSummary, Step, Topic, TopicSummary, Trace } from "./types.js";

/**
 * A GraphQL document that carries the types of its result and variables, so `client.graphql(doc, vars)` is typed
 * without a code generator: each document below is written with the result type it selects.
 */
export type TypedDocument<TData, TVariables extends Record<string, unknown> = Record<string, never>> = string & {
  readonly __data?: TData;
  readonly __variables?: TVariables;
};

/** One GraphQL error; `extensions.code` is stable (`INVALID_ARGUMENT`, `INVALID_CURSOR`, `NOT_FOUND`, ...). */
export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; data?: { field?: string; limit?: number; [key: string]: unknown }; [key: string]: unknown };
}

/** Thrown when a GraphQL response carries `errors`. */
export class GraphQLError extends Error {
  readonly errors: GraphQLErrorEntry[];
  readonly data: unknown;

  constructor(errors: GraphQLErrorEntry[], data: unknown) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "GraphQLError";
    this.errors = errors;
    this.data = data;
  }

  /** The first error's `extensions.code`. */
  get code(): string | undefined { return this.errors[0]?.extensions?.code; }
}

const pageInfo = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
const topicSummaryFields = "id title section order status summary pythonVersions { min max } tags";
const stepFields = "index kind message state highlight source { file function line url }";
const traceFields = "id simulator pythonVersion logicVersion input stepCount result createdAt";

type GqlTopicSummary = Omit<TopicSummary, "status"> & { status: "PLANNED" | "PUBLISHED" };
type GqlTopic = Omit<Topic, "status" | "references" | "diagrams" | "benchmarks"> & {
  status: "PLANNED" | "PUBLISHED";
  references: { kind: "DOCS" | "PEP" | "CPYTHON" | "ARTICLE"; title: string; url: string }[];
  /** The diagrams themselves (REST lists their ids). */
  diagrams: { id: string; title: string; frameCount: number }[];
  /** The benchmarks themselves (REST lists their ids). */
  benchmarks: { id: string; title: string; unit: string; kind: string }[];
};
type GqlTrace = Omit<Trace, "links">;
interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export const SectionsQuery = `query Sections { sections { id title order summary topicCount publishedCount } }` as
  TypedDocument<{ sections: Section[] }>;

export const TopicsQuery = `query Topics($section: String, $q: String, $first: Int, $after: String) {
  topics(section: $section, q: $q, first: $first, after: $after) {
    totalCount ${pageInfo} edges { cursor node { ${topicSummaryFields} } }
  }
}` as TypedDocument<{ topics: Connection<GqlTopicSummary> }, { section?: string; q?: string; first?: number; after?: string }>;

export const TopicQuery = `query Topic($id: ID!) {
  topic(id: $id) {
    ${topicSummaryFields} simulations plannedSimulations
    diagrams { id title frameCount }
    benchmarks { id title unit kind }
    references { kind title url }
    guide { markdown html wordCount outline { level text anchor } }
  }
}` as TypedDocument<{ topic: GqlTopic | null }, { id: string }>;

export const SimulatorsQuery = `query Simulators { simulators { id title summary topics pythonVersions logicVersion } }` as
  TypedDocument<{ simulators: SimulatorSummary[] }>;

export const SimulatorQuery = `query Simulator($id: ID!) {
  simulator(id: $id) {
    id title summary topics pythonVersions defaultPythonVersion logicVersion inputSchema examples
    limits { name value description }
  }
}` as TypedDocument<{ simulator: Simulator | null }, { id: string }>;

export const SimulateMutation = `mutation Simulate($simulator: ID!, $input: JSON!, $pythonVersion: String) {
  simulate(simulator: $simulator, input: $input, pythonVersion: $pythonVersion) { ${traceFields} }
}` as TypedDocument<{ simulate: GqlTrace }, { simulator: string; input: unknown; pythonVersion?: string }>;

export const TraceStepsQuery = `query TraceSteps($id: ID!, $first: Int, $after: String, $at: Int) {
  trace(id: $id) {
    ${traceFields}
    steps(first: $first, after: $after, at: $at) { totalCount ${pageInfo} edges { cursor node { ${stepFields} } } }
  }
}` as TypedDocument<{ trace: (GqlTrace & { steps: Connection<Step> }) | null }, { id: string; first?: number; after?: string; at?: number }>;
