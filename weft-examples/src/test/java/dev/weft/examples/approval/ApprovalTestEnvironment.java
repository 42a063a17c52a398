package dev.weft.examples.approval;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.testing.WeftTestEnvironment;

/** A test engine serving the approval workflow with the given notifications. */
final class ApprovalTestEnvironment implements AutoCloseable {
  final WeftTestEnvironment env;

  ApprovalTestEnvironment(boolean timeSkipping, ApprovalNotifications notifications) {
    env = WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(timeSkipping));
    env.newWorker(ApprovalWorkflow.TASK_QUEUE)
        .registerWorkflow(ApprovalWorkflow.class, ExpenseApproval::new)
        .registerActivities(notifications);
    env.start();
  }

  WorkflowHandle<ApprovalState> start(ExpenseRequest request) {
    ApprovalWorkflow stub =
        env.client()
            .newWorkflowStub(
                ApprovalWorkflow.class,
                WorkflowOptions.newBuilder()
                    .workflowId(request.workflowId())
                    .taskQueue(ApprovalWorkflow.TASK_QUEUE)
                    .build());
    return env.client().start(stub::requestApproval, request);
  }

  /** Returns a stub bound to the running approval, for signals and queries. */
  ApprovalWorkflow running(ExpenseRequest request) {
    return env.client().newWorkflowStub(ApprovalWorkflow.class, request.workflowId());
  }

  @Override
  public void close() {
    env.close();
  }
}
