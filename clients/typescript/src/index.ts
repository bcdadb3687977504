import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./openapi.js";
import { ProblemError, toProblem } from "./problem.js";
import { GraphQLError, type GraphQLErrorEntry, type TypedDocument } from "./graphql.js";
import type { DiagramSpec } from "./diagram.js";
import type { Benchmark, DiagramSummary, OEmbed, Page, Section, Simulator, SimulatorSummary, Step, Topic, TopicSummary, Trace } from "./types.js";

export type { paths, components, operations } from "./openapi.js";
export * from "./types.js";
export * from "./problem.js";
export * from "./graphql.js";
export type * from "./diagram.js";

export interface PynsightsClientOptions {
  /** Where the API is, e.g. `http://localhost:8080`; `""` or a path prefix in a browser served by the API. */
  baseUrl: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface TopicListQuery {
  section?: string;
  q?: string;
  first?: number;
  after?: string;
}

export interface StepPageQuery {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
  /** Jump: the page starts at this step index. */
  at?: number;
}

export interface StepsOptions {
  /** Steps per request (1-500, default 100). */
  pageSize?: number;
  /** Index of the first step to yield (default 0). */
  from?: number;
  /** Stop early. */
  signal?: AbortSignal;
}

export interface SimulateOptions {
  /** 3.10 to 3.14t; the simulator's default (3.13) when omitted. */
  pythonVersion?: string;
  signal?: AbortSignal;
}

/** Unwraps an openapi-fetch result: the data, or a ProblemError built from the problem details. */
function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ProblemError(toProblem(result.response.status, result.error, result.response.statusText));
  }
  return result.data as T;
}

/** The Pynsights API client: typed REST calls (openapi-fetch on the generated `paths`) and typed GraphQL. */
export class PynsightsClient {
  /** The underlying openapi-fetch client, for any endpoint this class does not wrap. */
  readonly rest: Client<paths>;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly headers: Record<string, string>;

  constructor(options: PynsightsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, "");
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.headers = options.headers ?? {};
    this.rest = createClient<paths>({ baseUrl: this.baseUrl, fetch: this.fetchImpl, headers: this.headers });
  }

  async sections(): Promise<Section[]> {
    return unwrap(await this.rest.GET("/api/v1/sections")).items;
  }

  /** One page of topics (Relay connection); follow `pageInfo.endCursor` with `after`. */
  async topics(query: TopicListQuery = {}): Promise<Page<TopicSummary>> {
    const page = unwrap(await this.rest.GET("/api/v1/topics", { params: { query } }));
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node! })) };
  }

  /** Every topic matching the filter, following cursors. */
  async *allTopics(query: Omit<TopicListQuery, "after"> = {}): AsyncGenerator<TopicSummary> {
    let after: string | undefined;
    do {
      const page = await this.topics({ ...query, first: query.first ?? 100, after });
      for (const edge of page.edges) yield edge.node;
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
  }

  async topic(id: string): Promise<Topic> {
    return unwrap(await this.rest.GET("/api/v1/topics/{id}", { params: { path: { id } } }));
  }

  /** The diagrams, optionally of one topic (id, title, frame count and links). */
  async diagrams(topic?: string): Promise<DiagramSummary[]> {
    return unwrap(await this.rest.GET("/api/v1/diagrams", { params: { query: topic ? { topic } : {} } })).items;
  }

  /**
   * A diagram spec, valid against GET /api/v1/schemas/diagram. The OpenAPI document types it as any JSON, so the
   * `DiagramSpec` type is written from content/schemas/diagram.schema.json.
   */
  async diagram(id: string, signal?: AbortSignal): Promise<DiagramSpec> {
    return unwrap(await this.rest.GET("/api/v1/diagrams/{id}", { params: { path: { id } }, signal })) as DiagramSpec;
  }

  /** The benchmarks a topic's advice rests on: numbers measured on CPython, environment, script, chart link. */
  async benchmarks(topic: string): Promise<Benchmark[]> {
    return unwrap(await this.rest.GET("/api/v1/topics/{id}/benchmarks", { params: { path: { id: topic } } })).items;
  }

  async simulators(): Promise<SimulatorSummary[]> {
    return unwrap(await this.rest.GET("/api/v1/simulations")).items;
  }

  async simulator(id: string): Promise<Simulator> {
    return unwrap(await this.rest.GET("/api/v1/simulations/{id}", { params: { path: { id } } })) as Simulator;
  }

  /** Runs a simulator on an input (idempotent: the same input gives the same trace id). */
  async simulate(simulator: string, input: unknown, options: SimulateOptions = {}): Promise<Trace> {
    const result = await this.rest.POST("/api/v1/simulations/{id}/traces", {
      params: { path: { id: simulator } },
      body: { input, pythonVersion: options.pythonVersion ?? null },
      signal: options.signal,
    });
    return unwrap(result);
  }

  async trace(id: string): Promise<Trace> {
    return unwrap(await this.rest.GET("/api/v1/traces/{id}", { params: { path: { id } } }));
  }

  /** One page of a trace's steps: `first`/`after` forward, `last`/`before` backward, or `at` to jump. */
  async stepPage(traceId: string, query: StepPageQuery = {}, signal?: AbortSignal): Promise<Page<Step>> {
    const { at, ...rest } = query;
    const page = unwrap(await this.rest.GET("/api/v1/traces/{id}/steps", {
      params: { path: { id: traceId }, query: { ...rest, ...(at === undefined ? {} : { at: String(at) }) } },
      signal,
    }));
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node! as Step })) };
  }

  /** Every step of a trace from `from` on, fetched page by page by following `endCursor`. */
  async *steps(traceId: string, options: StepsOptions = {}): AsyncGenerator<Step> {
    const first = options.pageSize ?? 100;
    let page = await this.stepPage(traceId, { at: options.from ?? 0, first }, options.signal);
    for (;;) {
      for (const edge of page.edges) yield edge.node;
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      page = await this.stepPage(traceId, { after: page.pageInfo.endCursor, first }, options.signal);
    }
  }

  /** The oEmbed description (iframe HTML and size) of a page of the site: an embed player or a topic. */
  async oembed(url: string, size: { maxwidth?: number; maxheight?: number } = {}): Promise<OEmbed> {
    const query = {
      url,
      ...(size.maxwidth === undefined ? {} : { maxwidth: String(size.maxwidth) }),
      ...(size.maxheight === undefined ? {} : { maxheight: String(size.maxheight) }),
    };
    return unwrap(await this.rest.GET("/api/v1/oembed", { params: { query } }));
  }

  /** Runs a typed GraphQL document; throws GraphQLError when the response has errors, ProblemError on an HTTP error. */
  async graphql<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocument<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const response = await this.fetchImpl(`${this.baseUrl}/graphql`, {
      method: "POST",
      headers: { ...this.headers, "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: document, variables: variables ?? {} }),
    });
    const type = response.headers.get("content-type") ?? "";
    const body: unknown = type.includes("json") ? await response.json() : await response.text();
    if (type.includes("application/problem+json")) {
      throw new ProblemError(toProblem(response.status, body, response.statusText));
    }
    const result = body as { data?: TData | null; errors?: GraphQLErrorEntry[] };
    if (result.errors?.length) throw new GraphQLError(result.errors, result.data);
    if (!response.ok || result.data == null) {
      throw new ProblemError(toProblem(response.status, body, response.statusText));
    }
    return result.data;
  }
}

/** Creates a client: `createPynsightsClient({ baseUrl: "http://localhost:8080" })`. */
export function createPynsightsClient(options: PynsightsClientOptions): PynsightsClient {
  return new PynsightsClient(options);
}
