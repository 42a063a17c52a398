import { Link } from "react-router";
import { Time } from "../../components/Time";
import { ProblemMessage } from "../../components/ProblemMessage";
import { payload, type HistoryEvent } from "../../components/timeline/history";
import { FailureChain } from "./FailureChain";
import type { RunLink } from "./runLinks";
import type { WorkflowDescription, WorkflowResult } from "./runApi";

interface Props {
  description: WorkflowDescription;
  /** The first history event (WorkflowStarted), for the input. */
  started?: HistoryEvent;
  result?: WorkflowResult;
  resultError?: unknown;
  links: RunLink[];
  runHref: (workflowId: string, runId?: string) => string;
}

function json(v: unknown): string {
  return JSON.stringify(v, null, 2) ?? "null";
}

/** The run's identity, status, times, input, outcome, pause and related runs. */
export function RunHeader({ description: d, started, result, resultError, links, runHref }: Props) {
  return (
    <header className="run-header">
      <h1>{d.workflowId}</h1>
      <dl className="run-facts">
        <div>
          <dt>Run ID</dt>
          <dd className="mono">{d.runId}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{d.workflowType}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className={`status status-${d.status}`}>
            {d.status}
            {d.pause ? " (paused)" : ""}
          </dd>
        </div>
        <div>
          <dt>Task queue</dt>
          <dd>{d.taskQueue}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <Time value={d.startTime} />
          </dd>
        </div>
        <div>
          <dt>Closed</dt>
          <dd>
            <Time value={d.closeTime} />
          </dd>
        </div>
        <div>
          <dt>History</dt>
          <dd>
            {d.historyLength} events, {d.historyBytes} bytes
          </dd>
        </div>
        {d.runDeadline && (
          <div>
            <dt>Times out</dt>
            <dd>
              <Time value={d.runDeadline} />
            </dd>
          </div>
        )}
      </dl>
      {d.pause && (
        <p className="banner" role="status">
          Paused <Time value={d.pause.pausedAt} /> by {d.pause.identity || "?"}
          {d.pause.reason ? `: ${d.pause.reason}` : ""}
        </p>
      )}
      {d.historyWarning && <p className="banner">{d.historyWarning}</p>}
      {links.length > 0 && (
        <ul className="run-links" aria-label="Related runs">
          {links.map((l, i) => (
            <li key={i}>
              {l.relation}: <Link to={runHref(l.workflowId, l.runId)}>{l.workflowId}</Link>
              {l.runId ? <span className="muted mono"> {l.runId}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {started !== undefined && (
        <details>
          <summary>Input</summary>
          <pre className="run-json">{json(payload(started, "input"))}</pre>
        </details>
      )}
      {resultError !== undefined && resultError !== null && <ProblemMessage error={resultError} />}
      {result?.status === "COMPLETED" && (
        <div>
          <strong>Result</strong>
          <pre className="run-json">{json(result.result)}</pre>
        </div>
      )}
      {result?.failure !== undefined && (
        <div>
          <strong>Failure</strong>
          <FailureChain failure={result.failure} />
        </div>
      )}
    </header>
  );
}
