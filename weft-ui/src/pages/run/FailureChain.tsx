import type { WorkflowFailure } from "./runApi";

/** A failure and its causes, outermost first: kind, type, message, attempt or child run. */
export function FailureChain({ failure }: { failure: WorkflowFailure }) {
  const chain: WorkflowFailure[] = [];
  for (let f: WorkflowFailure | undefined = failure; f !== undefined && chain.length < 20; f = f.cause) {
    chain.push(f);
  }
  return (
    <ol className="failure-chain" aria-label="Failure and causes">
      {chain.map((f, i) => (
        <li key={i}>
          <strong>{f.kind}</strong>
          {f.type ? ` ${f.type}` : ""}: {f.message}
          {f.attempt ? ` (attempt ${f.attempt})` : ""}
          {f.workflowId ? ` (child ${f.workflowId}${f.runId ? `, run ${f.runId}` : ""})` : ""}
          {f.nonRetryable ? " · non-retryable" : ""}
        </li>
      ))}
    </ol>
  );
}
