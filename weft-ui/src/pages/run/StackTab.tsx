import { useQuery } from "@tanstack/react-query";
import { ProblemMessage } from "../../components/ProblemMessage";
import type { RunApi, RunKey } from "./runApi";

/** The built-in query that answers where the workflow's code is blocked. */
export const STACK_TRACE_QUERY = "__stack_trace";

/**
 * The run's call stack: the built-in `__stack_trace` query's answer, fetched when the tab opens
 * and on Refresh. A server or engine that does not know the query answers `unknown-query`: its
 * message is shown.
 */
export function StackTab({ runApi, runKey }: { runApi: RunApi; runKey: RunKey }) {
  const stack = useQuery({
    queryKey: ["stack", runKey.namespace, runKey.workflowId, runKey.runId],
    queryFn: () => runApi.query(STACK_TRACE_QUERY, []),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const text = typeof stack.data === "string" ? stack.data : JSON.stringify(stack.data, null, 2);
  return (
    <section className="stack" aria-label="Call stack">
      <button type="button" className="button" onClick={() => void stack.refetch()} disabled={stack.isFetching}>
        {stack.isFetching ? "Refreshing…" : "Refresh"}
      </button>
      {stack.isError ? (
        <ProblemMessage error={stack.error} />
      ) : stack.isSuccess ? (
        <pre>{text}</pre>
      ) : (
        <p className="muted">Asking the workflow…</p>
      )}
    </section>
  );
}
