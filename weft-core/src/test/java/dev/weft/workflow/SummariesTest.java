package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.PendingActivity;
import dev.weft.client.PendingTimer;
import dev.weft.client.WorkflowDescription;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.ActivityScheduled;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.internal.codec.EventCodec;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User-facing summaries of activities and timers: in history and in describe. */
@Tag("engine")
public class SummariesTest {
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @ActivityInterface
  public interface Payments {
    String charge(int cents);
  }

  public static class PaymentsImpl implements Payments {
    @Override
    public String charge(int cents) {
      try {
        RELEASE.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "charged " + cents;
    }
  }

  @WorkflowInterface
  public interface Checkout {
    @WorkflowMethod
    String checkout(int cents);
  }

  public static class CheckoutImpl implements Checkout {
    @Override
    public String checkout(int cents) {
      Payments payments =
          Workflow.newActivityStub(
              Payments.class,
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofSeconds(60))
                  .summary("charge the card")
                  .build());
      // a timer the run never waits for: it shows as pending while the activity runs
      Workflow.newTimer(
          Duration.ofHours(1), TimerOptions.newBuilder().summary("grace period").build());
      String charged = payments.charge(cents);
      Workflow.sleep(Duration.ofMillis(1), "settle");
      return charged;
    }
  }

  @Test
  void summariesAreRecordedAndShownWithPendingActivitiesAndTimers(@TempDir Path dir) {
    try (EngineFixture f =
        EngineFixture.start(
            dir,
            e ->
                e.newWorker("shop")
                    .registerWorkflow(Checkout.class, CheckoutImpl::new)
                    .registerActivities(new PaymentsImpl()))) {
      WorkflowHandle<Object> handle =
          f.client()
              .start(
                  "Checkout",
                  WorkflowOptions.newBuilder().workflowId("checkout-1").taskQueue("shop").build(),
                  1250);

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !handle.describe().pendingActivities().isEmpty());
      WorkflowDescription described = handle.describe();
      RELEASE.countDown();

      assertThat(described.pendingActivities())
          .extracting(PendingActivity::activityType, PendingActivity::summary)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("Charge", "charge the card"));
      assertThat(described.pendingTimers())
          .extracting(PendingTimer::summary)
          .containsExactly("grace period");
      assertThat(handle.getResult(String.class)).isEqualTo("charged 1250");
      Histories.record("activity-and-timer-summaries", handle);
      assertThat(
              handle.fetchHistory().events().stream()
                  .map(e -> e.attributes())
                  .filter(a -> a instanceof ActivityScheduled || a instanceof TimerStarted)
                  .map(
                      a ->
                          a instanceof ActivityScheduled s
                              ? s.summary()
                              : ((TimerStarted) a).summary())
                  .toList())
          .containsExactly("grace period", "charge the card", "settle");
    }
  }

  @Test
  void eventsRecordedBeforeSummariesDecodeWithout() {
    EventAttributes timer =
        EventCodec.shared()
            .decode(
                "{\"type\":\"TimerStarted\",\"seq\":3,\"duration\":\"PT1S\",\"fireAt\":\"2026-01-01T00:00:01Z\"}"
                    .getBytes(StandardCharsets.UTF_8));
    EventAttributes activity =
        EventCodec.shared()
            .decode(
                "{\"type\":\"ActivityScheduled\",\"seq\":1,\"activityType\":\"charge\",\"taskQueue\":\"q\"}"
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(timer)
        .isEqualTo(
            new TimerStarted(
                3, Duration.ofSeconds(1), java.time.Instant.parse("2026-01-01T00:00:01Z")));
    assertThat(((ActivityScheduled) activity).summary()).isNull();
  }

  @Test
  void blankSummariesAreRefused() {
    assertThatThrownBy(
            () ->
                ActivityOptions.newBuilder()
                    .startToCloseTimeout(Duration.ofSeconds(1))
                    .summary(" ")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ActivityOptions.summary must not be blank");
    assertThatThrownBy(() -> TimerOptions.newBuilder().summary("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TimerOptions.summary must not be blank");
  }
}
