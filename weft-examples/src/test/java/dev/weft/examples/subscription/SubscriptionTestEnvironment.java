package dev.weft.examples.subscription;

import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.testing.WeftTestEnvironment;

/** A test engine serving the subscription workflow with an {@link Outbox}. */
final class SubscriptionTestEnvironment implements AutoCloseable {
  final Outbox outbox = new Outbox();
  final WeftTestEnvironment env;

  SubscriptionTestEnvironment(boolean timeSkipping) {
    env = WeftTestEnvironment.create(WeftTestEnvironment.options().timeSkipping(timeSkipping));
    env.newWorker(SubscriptionWorkflow.TASK_QUEUE)
        .registerWorkflow(SubscriptionWorkflow.class, EmailSubscription::new)
        .registerActivities(outbox);
    env.start();
  }

  WorkflowHandle<SubscriptionState> start(Subscription subscription) {
    SubscriptionWorkflow stub =
        env.client()
            .newWorkflowStub(
                SubscriptionWorkflow.class,
                WorkflowOptions.newBuilder()
                    .workflowId(subscription.workflowId())
                    .taskQueue(SubscriptionWorkflow.TASK_QUEUE)
                    .build());
    return env.client().start(stub::subscribe, subscription);
  }

  /** Returns a stub bound to the running subscription, for signals and queries. */
  SubscriptionWorkflow running(Subscription subscription) {
    return env.client().newWorkflowStub(SubscriptionWorkflow.class, subscription.workflowId());
  }

  @Override
  public void close() {
    env.close();
  }
}
