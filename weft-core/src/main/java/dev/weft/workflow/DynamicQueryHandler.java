package dev.weft.workflow;

import dev.weft.converter.EncodedValues;

/**
 * Answers every query the workflow interface does not declare, registered with {@link
 * Workflow#registerListener}. Read-only, like a query method.
 */
@FunctionalInterface
public interface DynamicQueryHandler {

  /** Answers a query; the result is encoded with the data converter. */
  Object handle(String queryType, EncodedValues args);
}
