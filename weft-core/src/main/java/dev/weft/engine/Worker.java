package dev.weft.engine;

import dev.weft.internal.engine.QueueRegistration;
import java.util.function.Supplier;

/**
 * What an engine serves on one task queue: workflow implementations and activity implementations.
 * Made by {@link WeftEngine#newWorker}; register everything before {@link WeftEngine#start()}.
 */
public final class Worker {
  private final QueueRegistration registration;

  Worker(QueueRegistration registration) {
    this.registration = registration;
  }

  /** Returns the task queue. */
  public String taskQueue() {
    return registration.taskQueue();
  }

  /**
   * Registers a workflow implementation: {@code factory} makes one object per run.
   *
   * @throws dev.weft.failure.InvalidDefinitionException if the interface is not a valid workflow
   *     interface, or its type is registered already
   */
  public <W> Worker registerWorkflow(Class<W> workflowInterface, Supplier<? extends W> factory) {
    registration.registerWorkflow(workflowInterface, factory);
    return this;
  }

  /**
   * Registers workflow implementation classes, as Temporal's worker does: each serves every
   * {@code @WorkflowInterface} it implements, and the engine makes one object per run with its
   * {@link dev.weft.workflow.WorkflowInit @WorkflowInit} constructor (given the run's arguments)
   * or, without one, its public no-argument constructor.
   *
   * <pre>{@code
   * engine.newWorker("orders").registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
   * }</pre>
   *
   * @throws dev.weft.failure.InvalidDefinitionException naming the class and the rule it breaks: no
   *     workflow interface, no usable constructor, a {@code @WorkflowInit} constructor whose
   *     parameters differ from the workflow method's, or a type registered already
   */
  public Worker registerWorkflowImplementationTypes(Class<?>... implementationTypes) {
    for (Class<?> type : implementationTypes) {
      registration.registerWorkflowImplementation(type);
    }
    return this;
  }

  /**
   * Registers an activity implementation: every {@code @ActivityInterface} it implements. One
   * object serves all calls concurrently, so it must be thread-safe.
   *
   * @throws dev.weft.failure.InvalidDefinitionException if it implements no activity interface, or
   *     an activity type is registered already
   */
  public Worker registerActivities(Object implementation) {
    registration.registerActivities(implementation);
    return this;
  }
}
