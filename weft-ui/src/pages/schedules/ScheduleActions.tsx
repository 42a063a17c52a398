import { useId, useState } from "react";
import { useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import {
  OVERLAP_POLICIES,
  backfillSchedule,
  deleteSchedule,
  pauseSchedule,
  schedulesPath,
  triggerSchedule,
  unpauseSchedule,
  utcInstant,
  type OverlapPolicy,
  type Schedule,
} from "./schedulesApi";
import "../run/run.css";

/**
 * The actions on a schedule, each confirmed in a dialog that shows the server's refusal next to its
 * fields: pause (a note is required) or unpause, trigger now, backfill a time range, delete. Pause,
 * unpause, trigger and backfill are signals to the schedule's workflow: the page says each was sent
 * and refreshes the schedule, which shows the change once the schedule has handled it.
 */
export function ScheduleActions({ namespace, schedule: s }: { namespace: string; schedule: Schedule }) {
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [sent, setSent] = useState("");
  const [note, setNote] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [policy, setPolicy] = useState<OverlapPolicy | "">("");
  const id = useId();
  const refresh = (what: string) => () => {
    setSent(what);
    setNote("");
    void queries.invalidateQueries({ queryKey: ["schedule", namespace, s.id] });
    void queries.invalidateQueries({ queryKey: ["schedules", namespace] });
  };
  const range = { from: utcInstant(from), to: utcInstant(to) };
  return (
    <>
      <div className="toolbar">
        {s.paused ? (
          <ConfirmAction
            label="Unpause"
            title={`Unpause ${s.id}?`}
            onConfirm={() => unpauseSchedule(namespace, s.id, note.trim())}
            onDone={refresh("Unpause sent to the schedule.")}
          >
            <p>The schedule fires again at its next fire time; the fire times it skipped while paused stay skipped.</p>
            <div className="action-form">
              <label>
                Note (optional)
                <input value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
              </label>
            </div>
          </ConfirmAction>
        ) : (
          <ConfirmAction
            label="Pause"
            title={`Pause ${s.id}?`}
            confirmDisabled={note.trim() === ""}
            onConfirm={() => pauseSchedule(namespace, s.id, note.trim())}
            onDone={refresh("Pause sent to the schedule.")}
          >
            <p>Until it is unpaused, each fire time is recorded as skipped, with this note.</p>
            <div className="action-form">
              <label>
                Note (why; required)
                <input value={note} onChange={(e) => setNote(e.target.value)} required autoComplete="off" />
              </label>
            </div>
          </ConfirmAction>
        )}
        <ConfirmAction
          label="Trigger now"
          title={`Trigger ${s.id} now?`}
          onConfirm={() => triggerSchedule(namespace, s.id)}
          onDone={refresh("Trigger sent to the schedule.")}
        >
          <p>
            Fires the schedule once now, with now as its nominal time, under its overlap policy (
            <span className="mono">{s.overlapPolicy}</span>).
          </p>
        </ConfirmAction>
        <ConfirmAction
          label="Backfill…"
          title={`Backfill ${s.id}`}
          confirmLabel="Backfill"
          confirmDisabled={range.from === null || range.to === null}
          onConfirm={() =>
            backfillSchedule(namespace, s.id, {
              from: range.from ?? "",
              to: range.to ?? "",
              ...(policy !== "" ? { overlapPolicy: policy } : {}),
            })
          }
          onDone={refresh("Backfill sent to the schedule.")}
        >
          <p>Fires the schedule at each of its fire times after From and up to To (times in UTC).</p>
          <div className="action-form">
            <label htmlFor={`${id}-from`}>From (UTC, exclusive)</label>
            <input id={`${id}-from`} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            <label htmlFor={`${id}-to`}>To (UTC, inclusive)</label>
            <input id={`${id}-to`} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
            <label htmlFor={`${id}-policy`}>Overlap policy</label>
            <select id={`${id}-policy`} value={policy} onChange={(e) => setPolicy(e.target.value as OverlapPolicy | "")}>
              <option value="">The schedule&apos;s ({s.overlapPolicy})</option>
              {OVERLAP_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </ConfirmAction>
        <ConfirmAction
          label="Delete"
          title={`Delete ${s.id}?`}
          danger
          onConfirm={async () => {
            await deleteSchedule(namespace, s.id);
            queries.removeQueries({ queryKey: ["schedule", namespace, s.id] });
            await queries.invalidateQueries({ queryKey: ["schedules", namespace] });
            navigate(schedulesPath(namespace));
          }}
        >
          <p>The schedule stops firing and is removed; the runs its firings started stay.</p>
        </ConfirmAction>
      </div>
      <p role="status" className="muted">
        {sent}
      </p>
    </>
  );
}
