import { problemOf } from "../api/problem";

interface Props {
  /** A ProblemError, a problem document, or any other error (shown as "Request failed"). */
  error: unknown;
}

/** Shows a refusal the way the server explained it: the problem's title, detail and field. */
export function ProblemMessage({ error }: Props) {
  const p = problemOf(error);
  return (
    <div role="alert" className="problem">
      <strong className="problem-title">{p.title}</strong>
      <p className="problem-detail">{p.detail}</p>
      {p.field !== undefined && (
        <p className="problem-field">
          Field: <code>{p.field}</code>
          {p.value !== undefined && (
            <>
              {" "}
              (value <code>{JSON.stringify(p.value)}</code>)
            </>
          )}
        </p>
      )}
    </div>
  );
}
