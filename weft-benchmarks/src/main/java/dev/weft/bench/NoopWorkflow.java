package dev.weft.bench;

import dev.weft.engine.WeftEngine;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * A workflow that does nothing, which the schedules and sensors workloads start: what they measure
 * is the trigger, not the run.
 */
@WorkflowInterface
public interface NoopWorkflow {
  /** Its workflow type. */
  String TYPE = "bench-noop";

  /** Its task queue. */
  String QUEUE = "bench-noop";

  /** Returns at once. */
  @WorkflowMethod(name = TYPE)
  void run();

  /** Registers the workflow on {@link #QUEUE} of {@code engine} (before it starts). */
  static void register(WeftEngine engine) {
    engine.newWorker(QUEUE).registerWorkflow(NoopWorkflow.class, Done::new);
  }

  /** The implementation: returns at once. */
  final class Done implements NoopWorkflow {
    @Override
    public void run() {}
  }
}
