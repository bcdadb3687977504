import type { components } from "./openapi.js";

type Schemas = components["schemas"];

export type Section = Schemas["SectionResponse"];
export type TopicSummary = Schemas["TopicSummaryResponse"];
export type Topic = Schemas["TopicResponse"];
export type Guide = Schemas["Guide"];
export type Heading = Schemas["Heading"];
export type Reference = Schemas["Reference"];
export type SimulatorSummary = Schemas["SimulatorSummaryResponse"];
export type InputLimit = Schemas["InputLimit"];
export type StepSource = Schemas["StepSource"];
export type PageInfo = Schemas["PageInfo"];
export type OEmbed = Schemas["OEmbedResponse"];
export type DiagramSummary = Schemas["DiagramSummaryResponse"];
export type Benchmark = Schemas["BenchmarkResponse"];

/** A JSON Schema (2020-12) as simulators publish them for their input. */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [keyword: string]: unknown;
}

/** A simulator with its input schema typed as a JSON Schema and its examples as plain JSON. */
export type Simulator = Omit<Schemas["SimulatorResponse"], "inputSchema"> & {
  inputSchema: JsonSchema;
  examples: unknown[];
};

/** A step of a trace: `state` is the simulator's own JSON. */
export type Step = Omit<Schemas["StepResponse"], "state"> & { state: unknown };

/** A trace: its id, step count and the result to check against CPython. */
export type Trace = Schemas["TraceResponse"];

/** A page of a listing in the Relay connection shape. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}
