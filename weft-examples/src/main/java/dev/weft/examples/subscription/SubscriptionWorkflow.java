package dev.weft.examples.subscription;

import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;

/**
 * A subscription's email series: a welcome, a durable wait, a follow-up. The wait survives
 * restarts; an {@link #unsubscribe} signal ends it early, without the follow-up.
 *
 * <pre>{@code
 * SubscriptionWorkflow stub = client.newWorkflowStub(SubscriptionWorkflow.class,
 *     WorkflowOptions.newBuilder().workflowId(s.workflowId())
 *         .taskQueue(SubscriptionWorkflow.TASK_QUEUE).build());
 * WorkflowHandle<SubscriptionState> handle = client.start(stub::subscribe, s);
 * client.newWorkflowStub(SubscriptionWorkflow.class, s.workflowId()).unsubscribe("no thanks");
 * }</pre>
 */
@WorkflowInterface
public interface SubscriptionWorkflow {

  /** The task queue the example's workers serve. */
  String TASK_QUEUE = "subscriptions";

  /**
   * Runs the subscription until the follow-up was sent or the customer unsubscribed.
   *
   * @return the final state ({@link SubscriptionStatus#COMPLETED} or {@link
   *     SubscriptionStatus#UNSUBSCRIBED})
   */
  @WorkflowMethod
  SubscriptionState subscribe(Subscription subscription);

  /**
   * Unsubscribes: ends the wait at once, without the follow-up. Ignored once the follow-up is being
   * sent or the subscription ended.
   */
  @SignalMethod
  void unsubscribe(String reason);

  /** Returns the current state. */
  @QueryMethod
  SubscriptionState state();
}
