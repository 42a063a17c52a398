import { useEffect, useId, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ProblemMessage } from "../../components/ProblemMessage";
import { backfillLauncherPath } from "../backfills/backfillsApi";
import { assetPath, useSelectionPreview } from "./assetsApi";
import { MaterializeButton } from "./MaterializeButton";
import { selectionFault } from "./selectionProblem";
import "./assets.css";

/**
 * The materialize launcher: a selection (kept in the URL as `?selection=`), previewed by the
 * server as the assets it selects in dependency order, then launched after a confirmation. A
 * selection that does not parse is shown with a caret at the offending position; unknown keys
 * are named with the server's suggestions; a selection holding partitioned assets (which are
 * materialized by partitions, never skipped) is shown next to the field with a link to the
 * backfill launcher for them.
 */
export function MaterializePage() {
  const { namespace = "default" } = useParams();
  const [params, setParams] = useSearchParams();
  const applied = params.get("selection") ?? "";
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [applied]);
  const preview = useSelectionPreview(namespace, applied);
  const fault = selectionFault(preview.error);
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();
  const plan = preview.data;
  const current = plan !== undefined && draft.trim() === applied;
  return (
    <section aria-labelledby="launcher-title">
      <p>
        <Link to={`/namespaces/${encodeURIComponent(namespace)}/assets`}>← Assets</Link>
      </p>
      <h1 id="launcher-title">Materialize assets</h1>
      <form
        className="toolbar launcher"
        onSubmit={(e) => {
          e.preventDefault();
          const next = draft.trim();
          setParams(next === "" ? {} : { selection: next });
        }}
      >
        <label htmlFor={inputId}>Selection</label>
        <input
          id={inputId}
          type="text"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="+chain/daily_volume, group:trades"
          aria-describedby={fault?.kind === "partitioned" ? `${problemId} ${hintId}` : hintId}
          aria-invalid={fault !== null}
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={draft.trim() === ""}>
          Preview
        </button>
      </form>
      {fault?.kind === "partitioned" && (
        <div className="field-problem" id={problemId}>
          <ProblemMessage error={preview.error} />
          <p>
            Partitioned assets are materialized by partitions:{" "}
            <Link to={backfillLauncherPath(namespace, { selection: fault.backfillSelection })}>
              Backfill {fault.keys.length === 1 ? fault.keys[0] : `these ${fault.keys.length} partitioned assets`}
            </Link>
          </p>
        </div>
      )}
      <p id={hintId} className="muted">
        <code>key</code> the asset; <code>+key</code> and its upstream; <code>key+</code> and its downstream;{" "}
        <code>+key+</code> both; <code>group:name</code>; <code>tag:name</code> or <code>tag:name=value</code>;{" "}
        <code>*</code> every asset; several separated by commas or spaces.
      </p>
      {preview.isFetching && plan === undefined && <p aria-busy="true">Resolving the selection…</p>}
      {fault?.kind === "syntax" && (
        <div>
          <pre className="selection-caret" aria-label={`The selection is wrong at position ${fault.position}`}>
            {applied}
            {"\n"}
            {" ".repeat(Math.max(0, fault.position - 1))}^
          </pre>
        </div>
      )}
      {fault?.kind === "unknown" && (
        <p>
          Unknown {fault.keys.length === 1 ? "asset" : "assets"}:{" "}
          {fault.keys.map((k, i) => (
            <span key={k}>
              {i > 0 && ", "}
              <code>{k}</code>
            </span>
          ))}
        </p>
      )}
      {preview.error !== null && fault?.kind !== "partitioned" && <ProblemMessage error={preview.error} />}
      {plan !== undefined && (
        <>
          <h2>
            {plan.assetKeys.length.toLocaleString()} {plan.assetKeys.length === 1 ? "asset" : "assets"}, in dependency order
          </h2>
          <p>
            Selection: <code>{plan.selection}</code>
          </p>
          <ol className="plan" aria-label="Planned assets">
            {plan.assetKeys.map((k) => (
              <li key={k}>
                <Link to={assetPath(namespace, k)}>{k}</Link>
              </li>
            ))}
          </ol>
          {!current && <p className="muted">The selection changed: preview it again before launching.</p>}
          <MaterializeButton
            namespace={namespace}
            selection={plan.selection}
            label={`Materialize ${plan.assetKeys.length === 1 ? "1 asset" : `${plan.assetKeys.length} assets`}`}
            title={`Materialize ${plan.selection}?`}
            disabled={!current}
          >
            <p>
              Starts one materialization workflow for {plan.assetKeys.length === 1 ? "this asset" : `these ${plan.assetKeys.length} assets`},
              in dependency order.
            </p>
          </MaterializeButton>
        </>
      )}
    </section>
  );
}
