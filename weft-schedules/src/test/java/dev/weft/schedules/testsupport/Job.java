package dev.weft.schedules.testsupport;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** The workflow schedules start in tests: it runs for a number of minutes of workflow time. */
@WorkflowInterface
public interface Job {
  /** The workflow type. */
  String TYPE = "Job";

  /** The task queue the tests serve it on. */
  String QUEUE = "jobs";

  /** Sleeps {@code minutes} and returns. */
  @WorkflowMethod(name = TYPE)
  String run(int minutes);
}
