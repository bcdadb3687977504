import type { components } from "./openapi.js";

/** One offending field of an `invalid-input` problem. */
export interface FieldProblem {
  field: string;
  message: string;
  limit?: number | null;
  [key: string]: unknown;
}

/** An RFC 9457 problem details body as the Pynsights API sends it: a stable `type`, the field and the limit. */
export type Problem = components["schemas"]["ProblemDetails"] & {
  type: string;
  title: string;
  status: number;
  detail?: string | null;
  field?: string;
  limit?: number;
  errors?: FieldProblem[];
};

/** Thrown by every client call the API answers with `application/problem+json` (or another error status). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ProblemError";
    this.problem = problem;
  }

  /** The problem type, e.g. `/problems/invalid-input`; match on it, never on the message. */
  get type(): string { return this.problem.type; }
  get status(): number { return this.problem.status; }
  get field(): string | undefined { return this.problem.field; }
  get limit(): number | undefined { return this.problem.limit; }
  get errors(): FieldProblem[] { return this.problem.errors ?? []; }
}

/** Turns whatever an error response carried into a Problem (a body that is not problem+json still gets a status and title). */
export function toProblem(status: number, body: unknown, statusText = ""): Problem {
  if (body && typeof body === "object" && "type" in body && "status" in body) {
    return body as Problem;
  }
  return {
    type: "about:blank",
    title: statusText || `HTTP ${status}`,
    status,
    detail: typeof body === "string" && body ? body : null,
    instance: null,
  };
}
