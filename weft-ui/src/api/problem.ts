/** An RFC 9457 problem document as the server writes it (see the `Problem` schema). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  field?: string;
  value?: unknown;
}

/** A refused or failed request, carrying the server's problem document (or one made up for it). */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = "ProblemError";
    this.problem = problem;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Whether a value has the shape of a problem document. */
export function isProblem(v: unknown): v is Problem {
  return (
    isRecord(v) &&
    typeof v.title === "string" &&
    typeof v.detail === "string" &&
    typeof v.status === "number"
  );
}

/** The problem to show for any error: the server's document, or one that describes the failure. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (isProblem(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { type: "about:blank", title: "Request failed", status: 0, detail: message };
}

/**
 * Unwraps an openapi-fetch answer: its data, or a ProblemError with the server's problem document
 * (or, when the body is not one, a problem naming the HTTP status).
 */
export function dataOr<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const e = result.error;
    throw new ProblemError(
      isProblem(e)
        ? e
        : {
            type: "about:blank",
            title: `HTTP ${result.response.status}`,
            status: result.response.status,
            detail: result.response.statusText || "the server refused the request",
          },
    );
  }
  return result.data as T;
}
