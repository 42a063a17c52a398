package dev.weft.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.WorkflowOptions;
import dev.weft.failure.PayloadTooLargeException;
import dev.weft.failure.UnknownWorkflowTypeException;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.store.Write;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartPlansTest {
  private static final WorkflowOptions OPTIONS =
      WorkflowOptions.newBuilder()
          .taskQueue("q")
          .workflowId("ticket-1")
          .workflowExecutionTimeout(Duration.ofHours(1))
          .searchAttribute("Customer", "acme")
          .build();

  @Test
  void aPlanWritesTheRunItsStartEventAttributesAndDeadline(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      StartPlans.StartPlan plan = parts.plans().plan("Ticket", OPTIONS, new Object[] {"printer"});

      assertThat(plan.run().workflowId()).isEqualTo("ticket-1");
      assertThat(plan.run().taskQueue()).isEqualTo("q");
      assertThat(plan.writes().stream().map(Object::getClass).toList())
          .containsExactly(
              Write.InsertRun.class,
              Write.AppendEvents.class,
              Write.UpsertSearchAttributes.class,
              Write.InsertTimer.class);
      WorkflowStarted started =
          (WorkflowStarted)
              parts.codec.decode(
                  ((Write.AppendEvents) plan.writes().get(1)).events().get(0).data());
      assertThat(started.executionDeadline()).isEqualTo(plan.now().plus(Duration.ofHours(1)));
      assertThat(started.searchAttributes()).containsKey("Customer");
    }
  }

  @Test
  void aTypeTheServedQueueDoesNotKnowIsRefusedNamingItsTypes(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      assertThatThrownBy(() -> parts.plans().plan("Invoice", OPTIONS, new Object[0]))
          .isInstanceOf(UnknownWorkflowTypeException.class)
          .hasMessageContaining("Ticket");
    }
  }

  @Test
  void inputOverThePayloadLimitIsRefused(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      assertThatThrownBy(
              () -> parts.plans().plan("Ticket", OPTIONS, new Object[] {"x".repeat(2000)}))
          .isInstanceOf(PayloadTooLargeException.class);
    }
  }

  @Test
  void aRunWithoutAWorkflowIdGetsAFreshOne(@TempDir Path dir) {
    try (ClientParts parts = new ClientParts(dir)) {
      WorkflowOptions anonymous = WorkflowOptions.newBuilder().taskQueue("q").build();

      StartPlans.StartPlan first = parts.plans().plan("Ticket", anonymous, new Object[] {"a"});
      StartPlans.StartPlan second = parts.plans().plan("Ticket", anonymous, new Object[] {"b"});

      assertThat(first.run().workflowId()).isNotEqualTo(second.run().workflowId());
      assertThat(first.run().runId()).isNotEqualTo(first.run().workflowId());
    }
  }
}
