package dev.weft.failure;

/** A query method threw; the cause is what it threw. */
public final class QueryFailedException extends WeftException {

  /** Creates the exception. */
  public QueryFailedException(String workflowId, String queryName, Throwable cause) {
    super(
        "query '" + queryName + "' of workflow '" + workflowId + "' failed: " + cause.getMessage(),
        cause);
  }
}
