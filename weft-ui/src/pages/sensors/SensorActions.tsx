import { useId, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "../../components/ConfirmAction";
import { pauseSensor, setSensorCursor, unpauseSensor, type SensorDescription } from "./sensorsApi";

/**
 * Pause (with a required note) or unpause, and set or reset the cursor, each confirmed. Each is a
 * signal the sensor applies right after the answer, so the page refetches at once and again on its
 * refresh interval.
 */
export function SensorActions({ namespace, sensor: s }: { namespace: string; sensor: SensorDescription }) {
  const queries = useQueryClient();
  const [note, setNote] = useState("");
  const [cursor, setCursor] = useState("");
  const [reset, setReset] = useState(false);
  const noteId = useId();
  const cursorId = useId();
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ["sensor", namespace, s.name] });
    void queries.invalidateQueries({ queryKey: ["sensors", namespace] });
  };
  return (
    <div className="toolbar">
      {s.status === "PAUSED" ? (
        <ConfirmAction
          label="Unpause"
          title={`Unpause ${s.name}?`}
          onConfirm={() => unpauseSensor(namespace, s.name)}
          onDone={refresh}
        >
          <p>The sensor evaluates again, one interval from now.</p>
        </ConfirmAction>
      ) : (
        <ConfirmAction
          label="Pause"
          title={`Pause ${s.name}?`}
          confirmDisabled={note.trim() === ""}
          onConfirm={() => pauseSensor(namespace, s.name, note.trim())}
          onDone={() => {
            setNote("");
            refresh();
          }}
        >
          <p>The sensor stops evaluating until it is unpaused (an evaluation under way completes).</p>
          <div className="field">
            <label htmlFor={noteId}>Note (why, shown while it is paused)</label>
            <input id={noteId} value={note} required onChange={(e) => setNote(e.target.value)} />
          </div>
        </ConfirmAction>
      )}
      <ConfirmAction
        label="Set cursor"
        title={`Set the cursor of ${s.name}`}
        onConfirm={() => setSensorCursor(namespace, s.name, reset ? null : cursor)}
        onDone={refresh}
      >
        <p>
          The next evaluation is given this cursor. Runs already started keep running; a request whose dedupe key ran
          before starts nothing new.
        </p>
        <p>
          Now: <code>{s.cursor ?? "none"}</code>
        </p>
        <div className="field">
          <label htmlFor={cursorId}>New cursor</label>
          <input
            id={cursorId}
            className="mono"
            value={cursor}
            disabled={reset}
            onChange={(e) => setCursor(e.target.value)}
          />
        </div>
        <label>
          <input type="checkbox" checked={reset} onChange={(e) => setReset(e.target.checked)} /> Reset it instead (no
          cursor: the sensor starts over)
        </label>
      </ConfirmAction>
    </div>
  );
}
