package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.ManualClock;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WeftClient#listRunsNeedingAttention}: the running runs whose workflow task fails, whose
 * activities retry, or whose tasks wait with no worker to take them, newest first, paged, with
 * their reasons; healthy runs are left out. Time is a manual clock: nothing waits for the stall
 * time.
 */
class RunsNeedingAttentionTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  @ActivityInterface
  public interface Billing {
    String charge(String order);
  }

  /** Declines every card. */
  public static class DecliningBilling implements Billing {
    @Override
    public String charge(String order) {
      throw new IllegalStateException("card declined for " + order);
    }
  }

  @WorkflowInterface
  public interface Order {
    @WorkflowMethod
    String run(String order);
  }

  /** Charges on {@code queue} (one that nobody polls for a stall). */
  public static class OrderImpl implements Order {
    @Override
    public String run(String order) {
      String queue = order.startsWith("typo") ? "billing-typo" : "orders";
      Billing billing =
          Workflow.newActivityStub(
              Billing.class,
              ActivityOptions.newBuilder()
                  .taskQueue(queue)
                  .startToCloseTimeout(Duration.ofSeconds(10))
                  .build());
      return billing.charge(order);
    }
  }

  @WorkflowInterface
  public interface Broken {
    @WorkflowMethod
    String run();
  }

  /** Has a bug: any exception but a failure fails the workflow task, retried until a fix. */
  public static class BrokenImpl implements Broken {
    @Override
    public String run() {
      throw new IllegalStateException("bug in the refund code");
    }
  }

  @WorkflowInterface
  public interface Idle {
    @WorkflowMethod
    String run();
  }

  /** Waits forever: healthy. */
  public static class IdleImpl implements Idle {
    @Override
    public String run() {
      Workflow.await(() -> false);
      return "never";
    }
  }

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b -> b.clock(clock),
        e ->
            e.newWorker("orders")
                .registerWorkflow(Order.class, OrderImpl::new)
                .registerWorkflow(Idle.class, IdleImpl::new)
                .registerWorkflow(Broken.class, BrokenImpl::new)
                .registerActivities(new DecliningBilling()));
  }

  private static WorkflowHandle<Object> start(
      EngineFixture f, String type, String queue, String id, Object... args) {
    return f.client()
        .start(type, WorkflowOptions.newBuilder().taskQueue(queue).workflowId(id).build(), args);
  }

  @Test
  void failingRetryingAndStalledRunsAreListedNewestFirstWithTheirReasons(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      start(f, "Idle", "orders", "healthy");
      clock.advance(Duration.ofSeconds(1));
      WorkflowHandle<Object> charging = start(f, "Order", "orders", "charging", "o-1");
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  charging.describe().pendingActivities().stream()
                      .anyMatch(a -> a.lastFailure() != null));
      clock.advance(Duration.ofSeconds(1));
      WorkflowHandle<Object> broken = start(f, "Broken", "orders", "broken");
      Awaitility.await().atMost(WAIT).until(() -> broken.describe().workflowTaskAttempt() > 1);
      clock.advance(Duration.ofSeconds(1));
      start(f, "Order", "ordres", "stalled-workflow", "o-2");
      clock.advance(Duration.ofSeconds(1));
      WorkflowHandle<Object> typo = start(f, "Order", "orders", "stalled-activity", "typo-3");
      Awaitility.await().atMost(WAIT).until(() -> typo.describe().pendingActivities().size() == 1);

      clock.advance(Duration.ofMinutes(2));
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> f.client().listRunsNeedingAttention(10, null).runs().size() == 4);
      AttentionPage page = f.client().listRunsNeedingAttention(10, null);

      assertThat(page.nextPageToken()).isNull();
      assertThat(page.runs())
          .extracting(RunNeedingAttention::workflowId)
          .containsExactly("stalled-activity", "stalled-workflow", "broken", "charging");
      AttentionReason activityStall = onlyReason(page.runs().get(0));
      assertThat(activityStall.kind()).isEqualTo(AttentionKind.ACTIVITY_STALLED);
      assertThat(activityStall.activityType()).isEqualTo("Charge");
      assertThat(activityStall.activitySeq()).isEqualTo(1);
      assertThat(activityStall.message()).contains("billing-typo");
      AttentionReason workflowStall = onlyReason(page.runs().get(1));
      assertThat(workflowStall.kind()).isEqualTo(AttentionKind.WORKFLOW_TASK_STALLED);
      assertThat(workflowStall.message()).contains("no worker on queue 'ordres'");
      assertThat(workflowStall.activityType()).isNull();
      AttentionReason failing = onlyReason(page.runs().get(2));
      assertThat(failing.kind()).isEqualTo(AttentionKind.WORKFLOW_TASK_FAILING);
      assertThat(failing.attempt()).isGreaterThan(1);
      assertThat(failing.message())
          .isEqualTo("java.lang.IllegalStateException: bug in the refund code");
      assertThat(failing.message()).doesNotContain("\n");
      AttentionReason retrying = onlyReason(page.runs().get(3));
      assertThat(retrying.kind()).isEqualTo(AttentionKind.ACTIVITY_RETRYING);
      assertThat(retrying.activityType()).isEqualTo("Charge");
      assertThat(retrying.activitySeq()).isEqualTo(1);
      assertThat(retrying.attempt()).isGreaterThanOrEqualTo(1);
      assertThat(retrying.message()).isEqualTo("card declined for o-1");
      RunNeedingAttention run = page.runs().get(3);
      assertThat(run.runId()).isEqualTo(charging.describe().runId());
      assertThat(run.workflowType()).isEqualTo("Order");
      assertThat(run.taskQueue()).isEqualTo("orders");
      assertThat(run.startTime()).isEqualTo(Instant.parse("2026-03-01T00:00:01Z"));
    }
  }

  @Test
  void pagesFollowTheNextPageToken(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      for (int i = 0; i < 3; i++) {
        WorkflowHandle<Object> h = start(f, "Broken", "orders", "broken-" + i);
        Awaitility.await().atMost(WAIT).until(() -> h.describe().workflowTaskAttempt() > 1);
        clock.advance(Duration.ofSeconds(1));
      }

      AttentionPage first = f.client().listRunsNeedingAttention(2, null);
      AttentionPage second = f.client().listRunsNeedingAttention(2, first.nextPageToken());

      assertThat(first.runs())
          .extracting(RunNeedingAttention::workflowId)
          .containsExactly("broken-2", "broken-1");
      assertThat(first.nextPageToken()).isNotNull();
      assertThat(second.runs())
          .extracting(RunNeedingAttention::workflowId)
          .containsExactly("broken-0");
      assertThat(second.nextPageToken()).isNull();
    }
  }

  @Test
  void aBadPageSizeOrTokenIsRefused(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      assertThatThrownBy(() -> f.client().listRunsNeedingAttention(0, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("pageSize must be 1 to 1000, was 0");
      assertThatThrownBy(() -> f.client().listRunsNeedingAttention(10, "garbage"))
          .hasMessageContaining("invalid page token 'garbage'");
      assertThat(f.client().listRunsNeedingAttention(10, null).runs()).isEmpty();
    }
  }

  private static AttentionReason onlyReason(RunNeedingAttention run) {
    List<AttentionReason> reasons = run.reasons();
    assertThat(reasons).as("reasons of " + run.workflowId()).hasSize(1);
    return reasons.get(0);
  }
}
