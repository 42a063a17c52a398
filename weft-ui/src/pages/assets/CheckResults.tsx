import { Time } from "../../components/Time";
import type { CheckResult } from "./assetsApi";
import { entriesOf, valueText } from "./metadataText";
import { RunLink } from "./RunLink";

/** The latest result of each of an asset's checks. */
export function CheckResults({ namespace, checks }: { namespace: string; checks: CheckResult[] }) {
  if (checks.length === 0) return <p className="muted">No check results.</p>;
  return (
    <table className="data-table" aria-label="Latest check results">
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Severity</th>
          <th scope="col">Blocking</th>
          <th scope="col">Metadata</th>
          <th scope="col">When</th>
          <th scope="col">Run</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.checkName}>
            <td>{c.checkName}</td>
            <td className={c.passed ? "check-passed" : "check-failed"}>{c.passed ? "✓ Passed" : "✕ Failed"}</td>
            <td>{c.severity}</td>
            <td>{c.blocking ? "Blocking" : "No"}</td>
            <td>
              {entriesOf(c.metadata).map(([k, v]) => (
                <div key={k}>
                  {k}: <span className="mono">{valueText(v)}</span>
                </div>
              ))}
            </td>
            <td>
              <Time value={c.at} />
            </td>
            <td>
              <RunLink namespace={namespace} runId={c.runId} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
