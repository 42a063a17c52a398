package dev.weft.failure;

import java.util.Collection;
import java.util.TreeSet;

/** A signal named a method the workflow type does not have. Nothing was written. */
public final class UnknownSignalException extends WeftException {

  /** Creates the exception, listing the signals the type has. */
  public UnknownSignalException(String workflowType, String signalName, Collection<String> known) {
    super(
        "workflow type '"
            + workflowType
            + "' has no signal '"
            + signalName
            + "'; its signals: "
            + new TreeSet<>(known));
  }
}
