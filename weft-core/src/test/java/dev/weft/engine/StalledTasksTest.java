package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.PendingActivity;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.ManualClock;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Tasks that no worker serves are reported after the stall time (issue 17, fix 4): a warning once
 * per queue and type, a reason in describe, a gauge. Time is a manual clock: nothing waits a
 * minute.
 */
@Tag("engine")
class StalledTasksTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  @ActivityInterface
  public interface Shipping {
    String ship(String order);
  }

  @WorkflowInterface
  public interface Order {
    @WorkflowMethod
    String run(String order);
  }

  /** Ships on a queue that no worker polls (a typo, or a worker not deployed). */
  public static class OrderImpl implements Order {
    @Override
    public String run(String order) {
      Shipping shipping =
          Workflow.newActivityStub(
              Shipping.class,
              ActivityOptions.newBuilder()
                  .taskQueue("shipping-typo")
                  .startToCloseTimeout(Duration.ofSeconds(10))
                  .build());
      return shipping.ship(order);
    }
  }

  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger stallLog =
      (Logger) LoggerFactory.getLogger("dev.weft.internal.engine.StallWatch");

  @BeforeEach
  void captureLogs() {
    logs.start();
    stallLog.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    stallLog.detachAppender(logs);
  }

  private EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b -> b.clock(clock).meterRegistry(meters),
        e -> e.newWorker("orders").registerWorkflow(Order.class, OrderImpl::new));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String queue) {
    return f.client()
        .start("Order", WorkflowOptions.newBuilder().taskQueue(queue).build(), "order-1");
  }

  private double stalled(String queue, String type, String kind) {
    Gauge gauge =
        meters.find("weft.tasks.stalled").tags("queue", queue, "type", type, "kind", kind).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private List<String> warnings() {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void aWorkflowOnAQueueNoWorkerPollsIsReportedAfterTheStallTime(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> first = start(f, "ordres");
      WorkflowHandle<Object> second = start(f, "ordres");
      clock.advance(Duration.ofSeconds(59));
      assertThat(first.describe().workflowTaskStallReason()).isNull();

      clock.advance(Duration.ofSeconds(2));
      Awaitility.await().atMost(WAIT).until(() -> stalled("ordres", "Order", "workflow") == 2);
      WorkflowDescription d = first.describe();
      assertThat(d.workflowTaskStallReason())
          .startsWith("no worker on queue 'ordres' has polled for workflow type 'Order' in 1m1s")
          .contains("this node does not poll queue 'ordres'");
      assertThat(second.describe().workflowTaskStallReason()).isNotNull();
      assertThat(warnings())
          .singleElement(InstanceOfAssertFactories.STRING)
          .contains("no worker on queue 'ordres' has polled for workflow type 'Order' in 1m");
    }
  }

  @Test
  void anActivityOnAQueueNoWorkerPollsIsReportedInDescribeAndTheGauge(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "orders");
      Awaitility.await().atMost(WAIT).until(() -> h.describe().pendingActivities().size() == 1);
      assertThat(h.describe().pendingActivities().get(0).isStalled()).isFalse();

      clock.advance(Duration.ofMinutes(2));
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> stalled("shipping-typo", "Ship", "activity") == 1);
      PendingActivity ship = h.describe().pendingActivities().get(0);
      assertThat(ship.stallReason())
          .startsWith(
              "no worker on queue 'shipping-typo' has polled for activity type 'Ship' in 2m");
      assertThat(h.describe().workflowTaskStallReason()).isNull();
      assertThat(stalled("orders", "Order", "workflow")).isZero();
      assertThat(warnings())
          .singleElement(InstanceOfAssertFactories.STRING)
          .contains("activity type 'Ship'")
          .contains("shipping-typo");
    }
  }

  @Test
  void aTaskAWorkerOfThisNodeServesIsNeverReported(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> h = start(f, "orders");
      Awaitility.await().atMost(WAIT).until(() -> h.describe().pendingActivities().size() == 1);
      clock.advance(Duration.ofMinutes(5));
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> stalled("shipping-typo", "Ship", "activity") == 1);
      assertThat(h.describe().workflowTaskStallReason()).isNull();
      assertThat(meters.find("weft.tasks.stalled").tag("kind", "workflow").gauges()).isEmpty();
    }
  }

  @Test
  void theStallTimeMustBePositive() {
    assertThatThrownBy(() -> WeftEngine.builder().stallWarningAfter(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
