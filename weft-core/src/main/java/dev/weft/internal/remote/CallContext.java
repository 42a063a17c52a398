package dev.weft.internal.remote;

/**
 * What a call was about, for the exception a refusal becomes when the problem document does not
 * name it: the operation ({@code signal}, {@code start}...), the workflow and run IDs, and the
 * signal, query or update name (or the list query).
 */
record CallContext(String operation, String workflowId, String runId, String name) {

  static CallContext of(String operation, String workflowId, String runId) {
    return new CallContext(operation, workflowId, runId, null);
  }

  static CallContext named(String operation, String workflowId, String runId, String name) {
    return new CallContext(operation, workflowId, runId, name);
  }
}
