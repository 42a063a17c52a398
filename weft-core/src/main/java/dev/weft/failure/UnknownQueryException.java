package dev.weft.failure;

import java.util.Collection;
import java.util.TreeSet;

/** A query named a method the workflow type does not have. */
public final class UnknownQueryException extends WeftException {

  /** Creates the exception, listing the queries the type has. */
  public UnknownQueryException(String workflowType, String queryName, Collection<String> known) {
    super(
        "workflow type '"
            + workflowType
            + "' has no query '"
            + queryName
            + "'; its queries: "
            + new TreeSet<>(known));
  }
}
