package dev.weft.schedules.testsupport;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** The workflow the test sensors request: ingests one value and completes. */
@WorkflowInterface
public interface Ingest {
  /** The workflow type. */
  String TYPE = "Ingest";

  /** Its task queue. */
  String QUEUE = "ingest";

  /** Ingests {@code value}. */
  @WorkflowMethod(name = TYPE)
  long ingest(long value);

  /** The implementation: returns the value. */
  final class Echo implements Ingest {
    @Override
    public long ingest(long value) {
      return value;
    }
  }
}
