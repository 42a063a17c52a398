import { QueryClient } from "@tanstack/react-query";
import { ProblemError } from "../api/problem";

/** A refusal (4xx) is the answer, not a hiccup: only other failures are retried, twice. */
function retry(failures: number, error: unknown): boolean {
  if (error instanceof ProblemError && error.problem.status >= 400 && error.problem.status < 500) {
    return false;
  }
  return failures < 2;
}

/** The data cache of the app (one per app; tests make their own). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: true, staleTime: 1000 },
      mutations: { retry: false },
    },
  });
}
