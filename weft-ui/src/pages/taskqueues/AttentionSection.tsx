import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../api/client";
import { dataOr } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import { ProblemMessage } from "../../components/ProblemMessage";

type Description = components["schemas"]["WorkflowDescription"];

/** How many of the newest running runs are checked (one describe each). */
export const ATTENTION_SAMPLE = 50;
/** The section refreshes this often (it costs a list and up to ATTENTION_SAMPLE describes). */
export const ATTENTION_REFRESH_MS = 10_000;

/** Why a run needs attention, or null: its workflow task fails, or an activity is retrying. */
export function attentionReason(d: Description): string | null {
  const reasons: string[] = [];
  if (d.workflowTaskAttempt > 1) {
    reasons.push(
      `workflow task attempt ${d.workflowTaskAttempt}${d.workflowTaskFailure ? `: ${d.workflowTaskFailure}` : ""}`,
    );
  }
  if (d.workflowTaskStallReason) reasons.push(`workflow task stalled: ${d.workflowTaskStallReason}`);
  for (const a of d.pendingActivities) {
    if (a.attempt > 1) {
      reasons.push(`${a.activityType} attempt ${a.attempt}${a.lastFailure ? `: ${a.lastFailure}` : ""}`);
    } else if (a.stallReason) {
      reasons.push(`${a.activityType} stalled: ${a.stallReason}`);
    }
  }
  return reasons.length === 0 ? null : reasons.join("; ");
}

/**
 * Running runs whose workflow task is failing or whose activities are retrying. The list filter
 * cannot express attempts, so this describes the newest ATTENTION_SAMPLE running runs and keeps
 * those with a reason.
 */
export function AttentionSection({ namespace }: { namespace: string }) {
  const stuck = useQuery({
    queryKey: ["attention", namespace],
    queryFn: async () => {
      const page = dataOr(
        await api.GET("/api/v1/namespaces/{namespace}/workflows", {
          params: { path: { namespace }, query: { query: "ExecutionStatus = 'Running'", pageSize: ATTENTION_SAMPLE } },
        }),
      );
      const described = await Promise.all(
        page.workflows.map(async (w) =>
          dataOr(
            await api.GET("/api/v1/namespaces/{namespace}/workflows/{workflowId}", {
              params: { path: { namespace, workflowId: w.workflowId }, query: { runId: w.runId } },
            }),
          ),
        ),
      );
      return {
        sampled: page.workflows.length,
        more: page.nextPageToken !== undefined,
        runs: described.flatMap((d) => {
          const reason = attentionReason(d);
          return reason === null ? [] : [{ d, reason }];
        }),
      };
    },
    refetchInterval: ATTENTION_REFRESH_MS,
  });
  const ns = `/namespaces/${encodeURIComponent(namespace)}`;
  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title">Attention</h2>
      <p className="muted">
        Running runs whose workflow task is failing or whose activities are retrying
        {stuck.data?.more ? ` (among the newest ${stuck.data.sampled} running runs)` : ""}.
      </p>
      {stuck.error !== null && <ProblemMessage error={stuck.error} />}
      {stuck.isPending && <p aria-busy="true">Checking running runs…</p>}
      {stuck.data !== undefined &&
        (stuck.data.runs.length === 0 ? (
          <p>No running run is failing or retrying.</p>
        ) : (
          <table className="data-table" aria-label="Runs needing attention">
            <thead>
              <tr>
                <th scope="col">Workflow ID</th>
                <th scope="col">Type</th>
                <th scope="col">Task queue</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {stuck.data.runs.map(({ d, reason }) => (
                <tr key={d.runId}>
                  <td>
                    <Link to={`${ns}/workflows/${encodeURIComponent(d.workflowId)}?runId=${encodeURIComponent(d.runId)}`}>
                      {d.workflowId}
                    </Link>
                  </td>
                  <td>{d.workflowType}</td>
                  <td>{d.taskQueue}</td>
                  <td>{reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
