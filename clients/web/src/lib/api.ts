import { createPynsightsClient, ProblemError, GraphQLError } from "@pynsights/client";

/** The page is served by the API itself (or by Vite's proxy in dev), so the API is on the same origin. */
export const api = createPynsightsClient({ baseUrl: window.location.origin });

/** A sentence for a person, from any error a call can throw. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) {
    const details = error.errors.map((e) => `${e.field}: ${e.message}`);
    return details.length > 1 ? `${error.problem.title}: ${details.join("; ")}` : (error.problem.detail ?? error.problem.title);
  }
  if (error instanceof GraphQLError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
