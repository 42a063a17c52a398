package dev.weft.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.InvalidQueryException;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.UnknownQueryException;
import dev.weft.failure.UnknownSignalException;
import dev.weft.failure.UnknownUpdateException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.failure.WeftException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotRunningException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each engine exception a server sends as a problem's detail comes back from {@link Problems} as
 * the same exception with the same message and parts: pins {@link EngineMessages} to the formats
 * the exceptions write.
 */
class EngineMessagesTest {

  private static Object roundTrip(String slug, WeftException sent, CallContext call) {
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
}
