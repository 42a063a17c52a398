import { useId, useState, type ReactNode } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { assetPath } from "../assets/assetsApi";
import { backfillPath, backfillsPath, countBackfill, launchBackfill, type BackfillDryRun } from "./backfillsApi";
import { fieldOfProblem, requestOf, type BackfillForm, type FormField } from "./backfillForm";
import "../../components/dataTable.css";
import "../partitions/partitions.css";

/** What went wrong with the last Count or Launch, and next to which field it shows. */
interface Fault {
  field: FormField;
  error: unknown;
}

/**
 * The backfill launcher (`/backfills/new?selection=&from=&to=` or `&keys=a,b`): a selection,
 * a key range or keys, the most runs at a time; Count asks the server for a dry run (partitions
 * and runs per asset), Launch starts the backfill and opens its page. A refused field shows the
 * server's problem next to it.
 */
export function BackfillLaunchPage() {
  const { namespace = "default" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form, setForm] = useState<BackfillForm>(() => ({
    selection: params.get("selection") ?? "",
    mode: params.get("keys") !== null && params.get("from") === null ? "keys" : "range",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    keys: (params.get("keys") ?? "").split(",").join("\n"),
    maxConcurrentRuns: params.get("maxConcurrentRuns") ?? "4",
  }));
  const [count, setCount] = useState<BackfillDryRun | null>(null);
  const [fault, setFault] = useState<Fault | null>(null);
  const [busy, setBusy] = useState<"count" | "launch" | null>(null);
  const id = useId();

  const edit = (patch: Partial<BackfillForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setCount(null);
  };

  const run = async (what: "count" | "launch") => {
    if (busy !== null) return;
    const checked = requestOf(form);
    if (!("request" in checked)) {
      // shown like the server's refusals, but said before any request
      setFault({ field: checked.field, error: { type: "about:blank", title: "Check this field", status: 400, detail: checked.message } });
      return;
    }
    setBusy(what);
    setFault(null);
    try {
      if (what === "count") {
        setCount(await countBackfill(namespace, checked.request));
      } else {
        const started = await launchBackfill(namespace, checked.request);
        navigate(backfillPath(namespace, started.backfillId));
      }
    } catch (e) {
      setFault({ field: fieldOfProblem(e, form.mode), error: e });
    } finally {
      setBusy(null);
    }
  };

  const problemAt = (field: FormField): ReactNode =>
    fault !== null && fault.field === field ? (
      <div className="field-problem" id={`${id}-${field}-problem`}>
        <ProblemMessage error={fault.error} />
      </div>
    ) : null;
  const invalid = (field: FormField) => fault !== null && fault.field === field;
  const described = (field: FormField) => (invalid(field) ? `${id}-${field}-problem` : undefined);

  return (
    <section aria-labelledby="launch-title">
      <p>
        <Link to={backfillsPath(namespace)}>← Backfills</Link>
      </p>
      <h1 id="launch-title">New backfill</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run("count");
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-selection`}>Selection</label>
          <input
            id={`${id}-selection`}
            className="mono"
            value={form.selection}
            onChange={(e) => edit({ selection: e.target.value })}
            placeholder="trades/*, +chain/blocks"
            spellCheck={false}
            aria-invalid={invalid("selection")}
            aria-describedby={described("selection")}
          />
          {problemAt("selection")}
        </div>
        <fieldset>
          <legend>Partitions</legend>
          <label>
            <input type="radio" name={`${id}-mode`} checked={form.mode === "range"} onChange={() => edit({ mode: "range" })} />{" "}
            A key range
          </label>{" "}
          <label>
            <input type="radio" name={`${id}-mode`} checked={form.mode === "keys"} onChange={() => edit({ mode: "keys" })} />{" "}
            Listed keys
          </label>
          {form.mode === "range" ? (
            <div className="inline-form">
              <div className="field">
                <label htmlFor={`${id}-from`}>From key</label>
                <input
                  id={`${id}-from`}
                  className="mono"
                  value={form.from}
                  onChange={(e) => edit({ from: e.target.value })}
                  spellCheck={false}
                  aria-invalid={invalid("from")}
                  aria-describedby={described("from")}
                />
                {problemAt("from")}
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>To key (inclusive)</label>
                <input
                  id={`${id}-to`}
                  className="mono"
                  value={form.to}
                  onChange={(e) => edit({ to: e.target.value })}
                  spellCheck={false}
                  aria-invalid={invalid("to")}
                  aria-describedby={described("to")}
                />
                {problemAt("to")}
              </div>
            </div>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-keys`}>Keys (one per line or comma separated)</label>
              <textarea
                id={`${id}-keys`}
                className="mono"
                rows={4}
                value={form.keys}
                onChange={(e) => edit({ keys: e.target.value })}
                spellCheck={false}
                aria-invalid={invalid("keys")}
                aria-describedby={described("keys")}
              />
              {problemAt("keys")}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-max`}>Max concurrent runs</label>
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            value={form.maxConcurrentRuns}
            onChange={(e) => edit({ maxConcurrentRuns: e.target.value })}
            aria-invalid={invalid("maxConcurrentRuns")}
            aria-describedby={described("maxConcurrentRuns")}
          />
          {problemAt("maxConcurrentRuns")}
        </div>
        {problemAt("form")}
        <div className="toolbar">
          <button type="submit" className="button" disabled={busy !== null} aria-busy={busy === "count"}>
            {busy === "count" ? "Counting…" : "Count"}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy !== null}
            aria-busy={busy === "launch"}
            onClick={() => void run("launch")}
          >
            {busy === "launch" ? "Launching…" : "Launch"}
          </button>
        </div>
      </form>
      {count !== null && <DryRun namespace={namespace} count={count} />}
    </section>
  );
}

function DryRun({ namespace, count }: { namespace: string; count: BackfillDryRun }) {
  return (
    <div aria-live="polite">
      <h2>
        {count.partitions.toLocaleString("en-US")} {count.partitions === 1 ? "partition" : "partitions"} in{" "}
        {count.runs.toLocaleString("en-US")} {count.runs === 1 ? "run" : "runs"}
      </h2>
      <p>
        Selection: <code>{count.selection}</code>
      </p>
      <table className="data-table" aria-label="Dry run per asset">
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col" className="num">
              Partitions
            </th>
            <th scope="col" className="num">
              Runs
            </th>
          </tr>
        </thead>
        <tbody>
          {count.assets.map((a) => (
            <tr key={a.assetKey}>
              <td>
                <Link to={assetPath(namespace, a.assetKey)}>{a.assetKey}</Link>
              </td>
              <td className="num">{a.partitions.toLocaleString("en-US")}</td>
              <td className="num">{a.runs.toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
