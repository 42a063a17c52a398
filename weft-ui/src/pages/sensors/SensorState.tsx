import type { SensorSummary } from "./sensorsApi";
import "./sensors.css";

/**
 * A sensor's state as a badge: running, paused (the note beside it), or FAILING with its count of
 * consecutive failures. A failing sensor is marked by a sign and words, not by colour alone.
 */
export function SensorState({ sensor: s }: { sensor: Pick<SensorSummary, "status" | "pauseNote" | "consecutiveFailures"> }) {
  switch (s.status) {
    case "FAILING":
      return (
        <span className="trigger-state trigger-FAILING">
          <span aria-hidden="true">⚠ </span>FAILING ({s.consecutiveFailures}{" "}
          {s.consecutiveFailures === 1 ? "failure" : "consecutive failures"})
        </span>
      );
    case "PAUSED":
      return (
        <>
          <span className="trigger-state trigger-PAUSED">paused</span>
          {s.pauseNote != null && s.pauseNote !== "" && <span className="muted"> {s.pauseNote}</span>}
        </>
      );
    default:
      return <span className="trigger-state trigger-RUNNING">running</span>;
  }
}
