package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.failure.TerminatedFailure;
import dev.weft.failure.WorkflowFailedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.testsupport.EngineFixture;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History limits: a warning in describe past the soft limits, termination past the hard ones. */
@Tag("engine")
public class HistoryLimitsTest {

  @ActivityInterface
  public interface Echo {
    String echo(String text);
  }

  public static class EchoImpl implements Echo {
    @Override
    public String echo(String text) {
      return text;
    }
  }

  @WorkflowInterface
  public interface Looper {
    /** Calls the activity {@code steps} times with a payload of {@code size} characters. */
    @WorkflowMethod
    int loop(int steps, int size);

    @SignalMethod
    void go();
  }

  public static class LooperImpl implements Looper {
    private boolean go;

    @Override
    public int loop(int steps, int size) {
      Echo echo =
          Workflow.newActivityStub(
              Echo.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      String payload = "x".repeat(size);
      for (int i = 0; i < steps; i++) {
        echo.echo(payload);
        if (i == 5) {
          Workflow.await(() -> go);
        }
      }
      return steps;
    }

    @Override
    public void go() {
      go = true;
    }
  }

  private static EngineFixture engine(Path dir, HistoryLimits limits) {
    return EngineFixture.start(
        dir,
        b -> b.historyLimits(limits),
        e ->
            e.newWorker("loops")
                .registerWorkflow(Looper.class, LooperImpl::new)
                .registerActivities(new EchoImpl()));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, int steps, int size) {
    return f.client()
        .start("Looper", WorkflowOptions.newBuilder().taskQueue("loops").build(), steps, size);
  }

  @Test
  void pastTheWarningLimitDescribeSaysSoAndPointsToContinueAsNew(@TempDir Path dir) {
    try (EngineFixture f = engine(dir, new HistoryLimits(12, 1_000_000, 1_000, 10_000_000))) {
      WorkflowHandle<Object> h = start(f, 8, 1);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> h.describe().historyLength() > 12);

      assertThat(h.describe().historyWarning())
          .contains("events")
          .contains("warning at 12 events")
          .contains("continue-as-new");
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      h.signal("go");
      assertThat(h.getResult(Integer.class)).isEqualTo(8);
    }
  }

  @Test
  void underTheLimitsNothingIsFlagged(@TempDir Path dir) {
    try (EngineFixture f = engine(dir, HistoryLimits.DEFAULTS)) {
      WorkflowHandle<Object> h = start(f, 8, 1);
      h.signal("go");
      h.getResult(Integer.class);
      assertThat(h.describe().historyWarning()).isNull();
    }
  }

  @Test
  void aTaskThatWouldPassTheEventLimitTerminatesTheRun(@TempDir Path dir) {
    try (EngineFixture f = engine(dir, new HistoryLimits(10, 1_000_000, 20, 10_000_000))) {
      WorkflowHandle<Object> h = start(f, 50, 1);
      h.signal("go");

      assertThatThrownBy(() -> h.getResult(Integer.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .isInstanceOf(TerminatedFailure.class)
          .hasMessageContaining("history limit exceeded")
          .hasMessageContaining("continue-as-new");
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.TERMINATED);
      dev.weft.testsupport.Histories.record("terminated-at-history-limit", h);
      List<HistoryEvent> events = h.fetchHistory().events();
      assertThat(events.size()).isLessThanOrEqualTo(21);
      assertThat(events.get(events.size() - 1).attributes())
          .isInstanceOf(EventAttributes.WorkflowTerminated.class);
    }
  }

  @Test
  void aTaskThatWouldPassTheSizeLimitTerminatesTheRun(@TempDir Path dir) {
    try (EngineFixture f = engine(dir, new HistoryLimits(1_000, 4_000, 10_000, 8_000))) {
      WorkflowHandle<Object> h = start(f, 50, 1_000);
      h.signal("go");

      assertThatThrownBy(() -> h.getResult(Integer.class))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .hasMessageContaining("history limit exceeded");
      assertThat(h.describe().historyBytes()).isLessThanOrEqualTo(8_000 + 1_000);
    }
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new HistoryLimits(100, 1, 50, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HistoryLimits.warnEvents (100) exceeds maxEvents (50)");
    assertThatThrownBy(() -> new HistoryLimits(0, 1, 50, 1))
        .hasMessage("HistoryLimits.warnEvents must be positive, was 0");
  }
}
