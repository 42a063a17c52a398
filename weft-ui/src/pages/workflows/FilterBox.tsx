import { useEffect, useId, useState } from "react";
import { ProblemError } from "../../api/problem";
import { ProblemMessage } from "../../components/ProblemMessage";
import { errorPosition } from "./filterQuery";

interface Props {
  /** The filter in the URL. */
  value: string;
  /** Applies a filter (the page puts it in the URL). */
  onApply: (filter: string) => void;
  /** The list's error: an `invalid-query` problem is shown with where the filter is wrong. */
  error: unknown;
}

/** The filter in Weft's list query language, applied on Enter. */
export function FilterBox({ value, onApply, error }: Props) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  const hintId = useId();
  useEffect(() => setDraft(value), [value]);
  const invalid = error instanceof ProblemError && error.problem.status === 400;
  const position = invalid ? errorPosition(error.problem.detail) : null;
  return (
    <div>
      <form
        className="filter"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft.trim());
        }}
      >
        <label htmlFor={id}>Filter</label>
        <input
          id={id}
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="WorkflowType = 'Order' AND ExecutionStatus = 'RUNNING' ORDER BY StartTime DESC"
          aria-describedby={hintId}
          aria-invalid={invalid}
          spellCheck={false}
        />
        <button type="submit" className="button primary">
          Apply
        </button>
        <button
          type="button"
          className="button"
          disabled={value === "" && draft === ""}
          onClick={() => {
            setDraft("");
            onApply("");
          }}
        >
          Clear
        </button>
      </form>
      <p id={hintId} className="muted">
        Fields: WorkflowId, RunId, WorkflowType, TaskQueue, ExecutionStatus, StartTime, CloseTime,
        Paused and the search attributes; =, !=, &lt;, &gt;, IN, BETWEEN, STARTS_WITH, IS NULL, AND,
        OR, NOT, ORDER BY.
      </p>
      {invalid && position !== null && (
        <pre className="filter-caret" aria-label={`The filter is wrong at position ${position}`}>
          {value}
          {"\n"}
          {" ".repeat(Math.max(0, position - 1))}^
        </pre>
      )}
      {error !== null && error !== undefined && <ProblemMessage error={error} />}
    </div>
  );
}
