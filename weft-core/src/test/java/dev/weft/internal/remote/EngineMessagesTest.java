package dev.weft.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.ActivityLeaseLostException;
import dev.weft.failure.ActivityNotFoundException;
import dev.weft.failure.InvalidQueryException;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownUpdateException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.store.UnknownTaskQueueException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each engine exception a server sends as a problem's detail comes back from {@link Problems} as
 * the same exception with the same message and parts: pins {@link EngineMessages} to the formats
 * the exceptions write.
 */
class EngineMessagesTest {

  private static Object roundTrip(String slug, RuntimeException sent, CallContext call) {
    ObjectNode doc = ApiTransport.JSON.createObjectNode();
    doc.put("type", "https://weft.dev/problems/" + slug);
    doc.put("title", slug);
    doc.put("status", 400);
    doc.put("detail", sent.getMessage());
    RuntimeException back = Problems.toException(400, doc, call);
    assertThat(back).isInstanceOf(sent.getClass()).hasMessage(sent.getMessage());
    return back;
  }

  private static final CallContext CALL = CallContext.named("signal", "w-1", null, "poke");

  @Test
  void notRunningKeepsOperationRunAndStatus() {
    WorkflowNotRunningException back =
        (WorkflowNotRunningException)
            roundTrip(
                "workflow-not-running",
                new WorkflowNotRunningException(
                    "signal 'poke'", "order (1)", "run-7", WorkflowStatus.TIMED_OUT),
                CALL);
    assertThat(back.getRunId()).isEqualTo("run-7");
    assertThat(back.getStatus()).isEqualTo(WorkflowStatus.TIMED_OUT);
  }

  @Test
  void unknownHandlersAndTypesKeepTheKnownNames() {
    roundTrip(
        "unknown-signal",
        new UnknownSignalException("Cart", "pokee", List.of("poke", "add")),
        CALL);
    roundTrip("unknown-query", new UnknownQueryException("Cart", "stats", List.of()), CALL);
    roundTrip("unknown-update", new UnknownUpdateException("Cart", "rm", List.of("add")), CALL);
    roundTrip(
        "unknown-workflow-type",
        new UnknownWorkflowTypeException("Ecoh", "bad", List.of("Echo", "Job")),
        CALL);
  }

  @Test
  void payloadsQueriesAndConflictsKeepTheirNumbersAndIds() {
    PayloadTooLargeException large =
        (PayloadTooLargeException)
            roundTrip(
                "payload-too-large",
                new PayloadTooLargeException("input of workflow 'Echo'", 2010, 1024),
                CALL);
    assertThat(large.getLimit()).isEqualTo(1024);
    assertThat(large.getSize()).isEqualTo(2010);
    InvalidQueryException query =
        (InvalidQueryException)
            roundTrip(
                "invalid-query",
                new InvalidQueryException(
                    "Amount >", "unexpected end at position 9: expected a value", 9),
                CALL);
    assertThat(query.getPosition()).isEqualTo(9);
    assertThat(query.getQuery()).isEqualTo("Amount >");
    roundTrip(
        "workflow-already-started",
        new WorkflowAlreadyStartedException("dup", "run-1", "run run-1 is RUNNING"),
        CALL);
  }

  @Test
  void theExistingRunComesFromTheRunIdMember() {
    ObjectNode doc = ApiTransport.JSON.createObjectNode();
    doc.put("type", "https://weft.dev/problems/workflow-already-started");
    doc.put("detail", "workflow ID 'dup' is already in use: run run-1 is RUNNING");
    doc.put("workflowId", "dup");
    doc.put("runId", "run-1");
    WorkflowAlreadyStartedException back =
        (WorkflowAlreadyStartedException) Problems.toException(409, doc, CALL);
    assertThat(back.getWorkflowId()).isEqualTo("dup");
    assertThat(back.getExistingRunId()).isEqualTo("run-1");
    assertThat(back).hasMessage("workflow ID 'dup' is already in use: run run-1 is RUNNING");
  }

  @Test
  void activityRefusalsKeepTheTokenAndTheRunAndSeqMembers() {
    CallContext call = CallContext.named("complete activity", null, null, "tok-1");
    ActivityLeaseLostException sent =
        new ActivityLeaseLostException("tok-1", "run-9", 3, "attempt 2 is running in its place");
    ObjectNode doc = ApiTransport.JSON.createObjectNode();
    doc.put("type", "https://weft.dev/problems/activity-lease-lost");
    doc.put("detail", sent.getMessage());
    doc.put("runId", "run-9");
    doc.put("seq", 3);
    ActivityLeaseLostException lost =
        (ActivityLeaseLostException) Problems.toException(409, doc, call);
    assertThat(lost).hasMessage(sent.getMessage());
    assertThat(lost.getTaskToken()).isEqualTo("tok-1");
    assertThat(lost.getRunId()).isEqualTo("run-9");
    assertThat(lost.getSeq()).isEqualTo(3);

    ActivityNotFoundException notAToken =
        (ActivityNotFoundException)
            roundTrip(
                "activity-not-found",
                new ActivityNotFoundException("junk", "it is not a Weft activity task token"),
                call);
    assertThat(notAToken).isNotInstanceOf(ActivityLeaseLostException.class);
    assertThat(notAToken.getTaskToken()).isEqualTo("junk");
    assertThat(notAToken.getRunId()).isNull();
    assertThat(notAToken.getSeq()).isEqualTo(-1);
  }

  @Test
  void anUnknownQueueKeepsTheKnownQueues() {
    UnknownTaskQueueException back =
        (UnknownTaskQueueException)
            roundTrip(
                "task-queue-not-found",
                new UnknownTaskQueueException("ordrs", Set.of("orders", "billing")),
                CallContext.named("pause a task queue", null, null, "ordrs"));
    assertThat(back.taskQueue()).isEqualTo("ordrs");
    assertThat(back.knownQueues()).containsExactlyInAnyOrder("orders", "billing");
  }
}
