import { useId, useState } from "react";
import { ConfirmAction } from "../../components/ConfirmAction";
import { Time } from "../../components/Time";
import { parseArgs } from "./actionArgs";
import type { ResetPoint } from "./resetPoints";
import type { RunApi } from "./runApi";

interface Props {
  runApi: RunApi;
  workflowId: string;
  /** False once the run closed: the actions that need a running run are disabled. */
  running: boolean;
  paused: boolean;
  resetPoints: ResetPoint[];
  /** Called after an action succeeded (to refetch). */
  onDone: () => void;
  /** Called with the new run after a reset. */
  onReset: (runId: string) => void;
}

function NameAndArgs({ kind, name, setName, args, setArgs, error }: {
  kind: string;
  name: string;
  setName: (v: string) => void;
  args: string;
  setArgs: (v: string) => void;
  error?: string;
}) {
  const errorId = useId();
  return (
    <div className="action-form">
      <label>
        {kind} name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
      </label>
      <label>
        Arguments (JSON array)
        <textarea
          value={args}
          onChange={(e) => setArgs(e.target.value)}
          rows={3}
          placeholder='["yes"]'
          aria-invalid={error !== undefined}
          aria-describedby={error !== undefined ? errorId : undefined}
        />
      </label>
      {error !== undefined && (
        <p id={errorId} className="problem-detail">
          {error}
        </p>
      )}
    </div>
  );
}

function Reason({ reason, setReason }: { reason: string; setReason: (v: string) => void }) {
  return (
    <div className="action-form">
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      </label>
    </div>
  );
}

/** The reset point select; its options are built only while the reset dialog is open. */
function ResetPointPicker({ points, point, onChange }: {
  points: ResetPoint[];
  point: ResetPoint | undefined;
  onChange: (eventId: string) => void;
}) {
  return (
    <div className="action-form">
      <label>
        Reset to
        <select value={point === undefined ? "" : String(point.eventId)} onChange={(e) => onChange(e.target.value)}>
          {points.map((p) => (
            <option key={p.eventId} value={p.eventId}>
              Event {p.eventId}: workflow task {p.label}
            </option>
          ))}
        </select>
      </label>
      {point !== undefined && (
        <p className="muted">
          Workflow task completed <Time value={point.time} />
        </p>
      )}
    </div>
  );
}

/**
 * The run's actions, each behind a confirmation (ConfirmAction: no double submit, the server's
 * problem message on refusal): signal, query, update (with the answer shown), cancel, terminate,
 * reset to a point the server accepts, pause and resume.
 */
export function RunActions({ runApi, workflowId, running, paused, resetPoints, onDone, onReset }: Props) {
  const [signalName, setSignalName] = useState("");
  const [signalArgs, setSignalArgs] = useState("");
  const [queryName, setQueryName] = useState("");
  const [queryArgs, setQueryArgs] = useState("");
  const [updateName, setUpdateName] = useState("");
  const [updateArgs, setUpdateArgs] = useState("");
  const [reason, setReason] = useState("");
  const [resetTo, setResetTo] = useState("");
  const [answer, setAnswer] = useState<{ label: string; value: unknown } | null>(null);
  const signal = parseArgs(signalArgs);
  const query = parseArgs(queryArgs);
  const update = parseArgs(updateArgs);
  const point = resetPoints.find((p) => String(p.eventId) === resetTo) ?? resetPoints[0];

  return (
    <section aria-label="Actions">
      <div className="run-actions">
        <ConfirmAction
          label="Signal"
          title={`Signal ${workflowId}`}
          disabled={!running}
          confirmDisabled={signalName.trim() === "" || signal.error !== undefined}
          onConfirm={() => runApi.signal(signalName.trim(), signal.args ?? [])}
          onDone={onDone}
        >
          <NameAndArgs kind="Signal" name={signalName} setName={setSignalName} args={signalArgs} setArgs={setSignalArgs} error={signal.error} />
        </ConfirmAction>
        <ConfirmAction
          label="Query"
          title={`Query ${workflowId}`}
          confirmDisabled={queryName.trim() === "" || query.error !== undefined}
          onConfirm={async () => {
            const value = await runApi.query(queryName.trim(), query.args ?? []);
            setAnswer({ label: `Query ${queryName.trim()}`, value });
          }}
        >
          <NameAndArgs kind="Query" name={queryName} setName={setQueryName} args={queryArgs} setArgs={setQueryArgs} error={query.error} />
        </ConfirmAction>
        <ConfirmAction
          label="Update"
          title={`Update ${workflowId}`}
          disabled={!running}
          confirmDisabled={updateName.trim() === "" || update.error !== undefined}
          onConfirm={async () => {
            const value = await runApi.update(updateName.trim(), update.args ?? []);
            setAnswer({ label: `Update ${updateName.trim()}`, value });
          }}
          onDone={onDone}
        >
          <NameAndArgs kind="Update" name={updateName} setName={setUpdateName} args={updateArgs} setArgs={setUpdateArgs} error={update.error} />
        </ConfirmAction>
        {paused ? (
          <ConfirmAction label="Resume" title={`Resume ${workflowId}?`} disabled={!running} onConfirm={() => runApi.resume()} onDone={onDone}>
            <p>Its workflow tasks, activities and due timers are dispatched again.</p>
          </ConfirmAction>
        ) : (
          <ConfirmAction label="Pause" title={`Pause ${workflowId}?`} disabled={!running} onConfirm={() => runApi.pause(reason)} onDone={onDone}>
            <p>None of its workflow tasks or activities is dispatched, and its due timers wait, until it is resumed.</p>
            <Reason reason={reason} setReason={setReason} />
          </ConfirmAction>
        )}
        <ConfirmAction label="Cancel" title={`Cancel ${workflowId}?`} disabled={!running} onConfirm={() => runApi.cancel(reason)} onDone={onDone}>
          <p>The workflow code sees a cancellation and may clean up.</p>
          <Reason reason={reason} setReason={setReason} />
        </ConfirmAction>
        <ConfirmAction label="Terminate" title={`Terminate ${workflowId}?`} danger disabled={!running} onConfirm={() => runApi.terminate(reason)} onDone={onDone}>
          <p>The run ends at once; its code does not run again.</p>
          <Reason reason={reason} setReason={setReason} />
        </ConfirmAction>
        <ConfirmAction
          label="Reset"
          title={`Reset ${workflowId}`}
          danger
          disabled={resetPoints.length === 0}
          confirmDisabled={point === undefined}
          onConfirm={async () => {
            if (point === undefined) return;
            onReset(await runApi.reset(point.eventId, reason));
          }}
        >
          <p>
            A new run keeps the history before the chosen workflow task and runs that task again with the current code;
            a running run is terminated.
          </p>
          <ResetPointPicker points={resetPoints} point={point} onChange={setResetTo} />
          <Reason reason={reason} setReason={setReason} />
        </ConfirmAction>
      </div>
      {answer !== null && (
        <div role="status" aria-label="Answer">
          <strong>{answer.label}</strong>
          <pre className="action-result">{JSON.stringify(answer.value, null, 2) ?? "null"}</pre>
        </div>
      )}
    </section>
  );
}
