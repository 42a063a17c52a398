package dev.weft.failure;

import java.util.Collection;
import java.util.TreeSet;

/** An update named a method the workflow type does not have. Nothing was written. */
public final class UnknownUpdateException extends WeftException {

  /** Creates the exception, listing the updates the type has. */
  public UnknownUpdateException(String workflowType, String updateName, Collection<String> known) {
    super(
        "workflow type '"
            + workflowType
            + "' has no update '"
            + updateName
            + "'; its updates: "
            + new TreeSet<>(known));
  }
}
