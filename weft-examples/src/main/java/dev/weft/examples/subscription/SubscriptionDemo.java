package dev.weft.examples.subscription;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The subscription part of the demo, in real time: one subscription whose follow-up is due after a
 * short delay and goes out, and one (with the default seven days) that unsubscribes during the
 * wait.
 */
public final class SubscriptionDemo {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Outbox outbox = new Outbox();
  private final Duration followUpDelay;

  /** Creates the demo; the first subscription's follow-up is due after {@code followUpDelay}. */
  public SubscriptionDemo(Duration followUpDelay) {
    this.followUpDelay = followUpDelay;
  }

  /** Registers the workflow and its activities on the engine (before it starts). */
  public void register(WeftEngine engine) {
    engine
        .newWorker(SubscriptionWorkflow.TASK_QUEUE)
        .registerWorkflow(SubscriptionWorkflow.class, EmailSubscription::new)
        .registerActivities(outbox);
  }

  /**
   * Runs both subscriptions to the end and prints what happened.
   *
   * @throws IllegalStateException if a subscription does not reach its next state in 30 s
   */
  public void run(WeftClient client, PrintStream out) {
    out.println("Subscription: welcome email, durable wait (7 days by default), follow-up");
    Subscription ada = new Subscription("ada@example.com", followUpDelay);
    WorkflowHandle<SubscriptionState> first = start(client, ada, out);
    SubscriptionState waiting = awaitWaiting(client, ada);
    int printed = printEmails(first.workflowId(), 0, out);
    out.printf(
        "    query    %s, follow-up due at %s%n",
        waiting.status(), waiting.followUpDueAt().truncatedTo(ChronoUnit.SECONDS));
    SubscriptionState completed = first.getResult(TIMEOUT);
    printEmails(first.workflowId(), printed, out);
    out.printf("    -> run %s, subscription %s%n", first.describe().status(), completed.status());

    Subscription bob = Subscription.of("bob@example.com");
    WorkflowHandle<SubscriptionState> second = start(client, bob, out);
    awaitWaiting(client, bob);
    printed = printEmails(second.workflowId(), 0, out);
    client.newWorkflowStub(SubscriptionWorkflow.class, bob.workflowId()).unsubscribe("no thanks");
    out.println("    signal   unsubscribe(\"no thanks\") during the wait");
    SubscriptionState unsubscribed = second.getResult(TIMEOUT);
    printEmails(second.workflowId(), printed, out);
    out.printf(
        "    -> run %s, subscription %s, no follow-up sent%n",
        second.describe().status(), unsubscribed.status());
  }

  private static WorkflowHandle<SubscriptionState> start(
      WeftClient client, Subscription s, PrintStream out) {
    SubscriptionWorkflow stub =
        client.newWorkflowStub(
            SubscriptionWorkflow.class,
            WorkflowOptions.newBuilder()
                .workflowId(s.workflowId())
                .taskQueue(SubscriptionWorkflow.TASK_QUEUE)
                .build());
    WorkflowHandle<SubscriptionState> handle = client.start(stub::subscribe, s);
    out.printf(
        "  workflow %s: follow-up after %s%n", handle.workflowId(), describe(s.followUpDelay()));
    return handle;
  }

  private static SubscriptionState awaitWaiting(WeftClient client, Subscription s) {
    SubscriptionWorkflow stub = client.newWorkflowStub(SubscriptionWorkflow.class, s.workflowId());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      SubscriptionState state = stub.state();
      if (state.status() == SubscriptionStatus.WAITING_FOR_FOLLOW_UP) {
        return state;
      }
      pause();
    }
    throw new IllegalStateException(
        "subscription " + s.workflowId() + " did not reach WAITING_FOR_FOLLOW_UP in " + TIMEOUT);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a subscription", e);
    }
  }

  /** Prints the workflow's emails from index {@code from} on; returns how many it sent. */
  private int printEmails(String workflowId, int from, PrintStream out) {
    List<SentEmail> sent = outbox.sentBy(workflowId);
    for (SentEmail email : sent.subList(Math.min(from, sent.size()), sent.size())) {
      out.printf("    sent     %s email to %s%n", email.kind(), email.to());
    }
    return sent.size();
  }

  private static String describe(Duration d) {
    if (d.toSeconds() >= 86_400 && d.toSeconds() % 86_400 == 0) {
      return d.toDays() + " days";
    }
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
