package dev.weft.uibench;

import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/** One of the benchmark's many short runs: completes, fails or stays running by its outcome. */
@WorkflowInterface
public interface OrderWorkflow {
  /** Completes. */
  int COMPLETE = 0;

  /** Fails with an application failure. */
  int FAIL = 1;

  /** Stays running until it is signalled (it never is). */
  int WAIT = 2;

  @WorkflowMethod
  String process(int outcome);
}
