package dev.weft.examples.approval;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.WeftEngine;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

/**
 * The approval part of the demo, in real time, driven by the signals a person would send: one
 * expense whose approver does not answer within a short timeout, so it escalates and the escalation
 * approver approves it (after a refused signal from the first approver, who is no longer asked);
 * and one (with the default three days) that the approver rejects at once.
 */
public final class ApprovalDemo {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final NotificationOutbox outbox = new NotificationOutbox();
  private final Duration approvalTimeout;

  /** Creates the demo; the first expense escalates after {@code approvalTimeout}. */
  public ApprovalDemo(Duration approvalTimeout) {
    this.approvalTimeout = approvalTimeout;
  }

  /** Registers the workflow and its activities on the engine (before it starts). */
  public void register(WeftEngine engine) {
    engine
        .newWorker(ApprovalWorkflow.TASK_QUEUE)
        .registerWorkflow(ApprovalWorkflow.class, ExpenseApproval::new)
        .registerActivities(outbox);
  }

  /**
   * Runs both expenses to the end and prints what happened.
   *
   * @throws IllegalStateException if an approval does not reach its next stage in 30 s
   */
  public void run(WeftClient client, PrintStream out) {
    out.println("Approval: ask an approver, wait for their signal (3 days by default),");
    out.println("          escalate, wait 2 more days, then expire");
    approveAfterEscalation(client, out);
    rejectAtOnce(client, out);
  }

  private void approveAfterEscalation(WeftClient client, PrintStream out) {
    ExpenseRequest trip =
        new ExpenseRequest(
            "exp-1001", "carol", "conference trip", 125_000, "dave", "erin", approvalTimeout, null);
    WorkflowHandle<ApprovalState> first = start(client, trip, out);
    ApprovalWorkflow running = client.newWorkflowStub(ApprovalWorkflow.class, trip.workflowId());
    ApprovalState waiting = awaitNotified(running, trip, ApprovalStage.WAITING_FOR_APPROVER, 1);
    int printed = printNotifications(trip.workflowId(), 0, out);
    printQuery(waiting, out);
    ApprovalState escalated = awaitNotified(running, trip, ApprovalStage.ESCALATED, 2);
    out.printf("    (no answer from %s within %s)%n", trip.approver(), describe(approvalTimeout));
    printed = printNotifications(trip.workflowId(), printed, out);
    printQuery(escalated, out);
    running.approve("dave", "sure");
    RefusedDecision refusal =
        awaitState(running, s -> !s.refused().isEmpty(), "refuse dave").refused().get(0);
    out.printf("    signal   approve(\"dave\") refused: %s%n", refusal.reason());
    running.approve("erin", "within the travel budget");
    out.println("    signal   approve(\"erin\", \"within the travel budget\")");
    ApprovalState approved = first.getResult(TIMEOUT);
    printNotifications(trip.workflowId(), printed, out);
    out.printf(
        "    -> run %s, request %s by %s after escalation%n",
        first.describe().status(), approved.stage(), approved.decision().approver());
  }

  private void rejectAtOnce(WeftClient client, PrintStream out) {
    ExpenseRequest laptop =
        ExpenseRequest.of("exp-1002", "carol", "second laptop", 240_000, "dave", "erin");
    WorkflowHandle<ApprovalState> second = start(client, laptop, out);
    ApprovalWorkflow other = client.newWorkflowStub(ApprovalWorkflow.class, laptop.workflowId());
    ApprovalState asked = awaitNotified(other, laptop, ApprovalStage.WAITING_FOR_APPROVER, 1);
    int printed = printNotifications(laptop.workflowId(), 0, out);
    printQuery(asked, out);
    other.reject("dave", "one laptop per person");
    out.println("    signal   reject(\"dave\", \"one laptop per person\")");
    ApprovalState rejected = second.getResult(TIMEOUT);
    printNotifications(laptop.workflowId(), printed, out);
    out.printf(
        "    -> run %s, request %s by %s, no escalation%n",
        second.describe().status(), rejected.stage(), rejected.decision().approver());
  }

  private static WorkflowHandle<ApprovalState> start(
      WeftClient client, ExpenseRequest request, PrintStream out) {
    ApprovalWorkflow stub =
        client.newWorkflowStub(
            ApprovalWorkflow.class,
            WorkflowOptions.newBuilder()
                .workflowId(request.workflowId())
                .taskQueue(ApprovalWorkflow.TASK_QUEUE)
                .build());
    WorkflowHandle<ApprovalState> handle = client.start(stub::requestApproval, request);
    out.printf(
        "  workflow %s: %s asks %s for %s, approver %s (%s), then %s%n",
        handle.workflowId(),
        request.requester(),
        request.formattedAmount(),
        request.description(),
        request.approver(),
        describe(request.approvalTimeout()),
        request.escalationApprover());
    return handle;
  }

  /** Waits until the approval is at {@code stage} and sent {@code count} notifications. */
  private ApprovalState awaitNotified(
      ApprovalWorkflow running, ExpenseRequest request, ApprovalStage stage, int count) {
    return awaitState(
        running,
        s ->
            s.stage() == stage
                && s.askedAt() != null
                && outbox.sentBy(request.workflowId()).size() >= count,
        "reach " + stage + " with " + count + " notification(s) sent");
  }

  private static ApprovalState awaitState(
      ApprovalWorkflow running, Predicate<ApprovalState> until, String what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      ApprovalState state = running.state();
      if (until.test(state)) {
        return state;
      }
      pause();
    }
    throw new IllegalStateException("the approval did not " + what + " in " + TIMEOUT);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an approval", e);
    }
  }

  private static void printQuery(ApprovalState state, PrintStream out) {
    out.printf(
        "    query    %s, asked %s since %s, respond by %s%n",
        state.stage(),
        state.approver(),
        state.askedAt().truncatedTo(ChronoUnit.MILLIS),
        state.respondBy().truncatedTo(ChronoUnit.MILLIS));
  }

  /** Prints the workflow's notifications from index {@code from} on; returns how many it sent. */
  private int printNotifications(String workflowId, int from, PrintStream out) {
    List<Notification> sent = outbox.sentBy(workflowId);
    for (Notification n : sent.subList(Math.min(from, sent.size()), sent.size())) {
      out.printf("    notified %s (%s)%n", n.to(), n.kind());
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
