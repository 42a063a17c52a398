package dev.weft.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.engine.HistoryLimits;
import dev.weft.history.EventAttributes.MarkerRecorded;
import dev.weft.history.EventAttributes.WorkflowContinuedAsNew;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code WorkflowInfo.getHistoryLength()}, {@code getHistorySize()}, {@code
 * isContinueAsNewSuggested()} and continue-as-new stubs.
 */
@Tag("engine")
public class HistoryInfoTest {
  private static final PayloadConverter PAYLOADS =
      new PayloadConverter(new JacksonDataConverter(), null, Long.MAX_VALUE);

  @ActivityInterface
  public interface Ticks {
    void tick();
  }

  @WorkflowInterface
  public interface Looper {
    /** Ticks until continue-as-new is suggested, then continues; returns in round {@code last}. */
    @WorkflowMethod
    String loop(int round, int last, String log);
  }

  public static class LooperImpl implements Looper {
    @Override
    public String loop(int round, int last, String log) {
      Ticks ticks =
          Workflow.newActivityStub(
              Ticks.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      while (true) {
        WorkflowInfo info = Workflow.getInfo();
        if (info.isContinueAsNewSuggested()) {
          String next = log + "|" + round + ":" + info.getHistoryLength();
          if (round == last) {
            return next;
          }
          Workflow.newContinueAsNewStub(Looper.class).loop(round + 1, last, next);
        }
        ticks.tick();
      }
    }
  }

  @WorkflowInterface
  public interface Handover {
    @WorkflowMethod
    String handOver(String what);
  }

  public static class HandoverImpl implements Handover {
    @Override
    public String handOver(String what) {
      Workflow.newContinueAsNewStub(
              Finisher.class,
              ContinueAsNewOptions.newBuilder()
                  .taskQueue("finishers")
                  .workflowRunTimeout(Duration.ofHours(1))
                  .build())
          .finish(what + " handed over");
      return "not reached";
    }
  }

  @WorkflowInterface
  public interface Finisher {
    @WorkflowMethod
    String finish(String what);
  }

  public static class FinisherImpl implements Finisher {
    @Override
    public String finish(String what) {
      return what + " and finished on " + Workflow.getInfo().taskQueue();
    }
  }

  private static EngineFixture engine(Path dir) {
    return EngineFixture.start(
        dir,
        b -> b.historyLimits(new HistoryLimits(50, 1_000_000, 100, 10_000_000)),
        e -> {
          e.newWorker("loops")
              .registerWorkflow(Looper.class, LooperImpl::new)
              .registerWorkflow(Handover.class, HandoverImpl::new)
              .registerActivities((Ticks) () -> {});
          e.newWorker("finishers").registerWorkflow(Finisher.class, FinisherImpl::new);
        });
  }

  private static long[] recorded(HistoryEvent e) {
    return (long[]) PAYLOADS.decode(((MarkerRecorded) e.attributes()).value(), long[].class);
  }

  @Test
  void theCodeSeesItsHistoryGrowAndContinuesAsNewWhenSuggested(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> handle =
          f.client()
              .start(
                  "Looper",
                  WorkflowOptions.newBuilder().workflowId("looper").taskQueue("loops").build(),
                  1,
                  3,
                  "");

      // 8% of 100 events: each run ticks until its history has 8 events, then continues
      assertThat(handle.getResult(String.class)).isEqualTo("|1:8|2:8|3:8");
      WorkflowHandle<Object> first = f.client().getHandle("looper", handle.runId());
      Histories.record("history-info-continue-as-new-suggested", first);

      List<HistoryEvent> markers =
          first.fetchHistory().events().stream()
              .filter(
                  e -> e.attributes() instanceof MarkerRecorded m && m.name().equals("HistoryInfo"))
              .toList();
      assertThat(markers).extracting(e -> recorded(e)[0]).containsExactly(1L, 4L, 8L);
      assertThat(markers).extracting(e -> recorded(e)[2]).containsExactly(0L, 0L, 1L);
      long startedBytes = f.store().readHistory(handle.runId(), 1).get(0).data().length;
      assertThat(recorded(markers.get(0))[1]).isEqualTo(startedBytes);
      assertThat(recorded(markers.get(1))[1]).isGreaterThan(startedBytes);
      List<HistoryEvent> events = first.fetchHistory().events();
      assertThat(events.get(events.size() - 1).attributes())
          .isInstanceOfSatisfying(
              WorkflowContinuedAsNew.class, c -> assertThat(c.workflowType()).isNull());
    }
  }

  @Test
  void aContinueAsNewStubMayNameAnotherTypeQueueAndRunTimeout(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      WorkflowHandle<Object> handle =
          f.client()
              .start(
                  "Handover",
                  WorkflowOptions.newBuilder().workflowId("handover").taskQueue("loops").build(),
                  "parcel");

      assertThat(handle.getResult(String.class))
          .isEqualTo("parcel handed over and finished on finishers");
      Histories.record("continue-as-new-stub-other-type", handle);
      WorkflowHandle<Object> latest = f.client().getHandle("handover");
      assertThat(latest.describe().workflowType()).isEqualTo("Finisher");
      WorkflowStarted started =
          (WorkflowStarted) latest.fetchHistory().events().get(0).attributes();
      assertThat(started.workflowType()).isEqualTo("Finisher");
      assertThat(started.taskQueue()).isEqualTo("finishers");
      assertThat(started.runTimeout()).isEqualTo(Duration.ofHours(1));
      assertThat(started.continuedFromRunId()).isEqualTo(handle.runId());
    }
  }

  @Test
  void aContinueAsNewStubRefusesOtherMethodsAndBadOptions() {
    ExternalWorkflowTest.Receiver stub =
        Workflow.newContinueAsNewStub(ExternalWorkflowTest.Receiver.class);

    assertThatThrownBy(() -> stub.add("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a continue-as-new stub only continues the workflow: call its workflow method"
                + " collect(), not add()");
    assertThatThrownBy(() -> stub.collect(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can only be called from workflow code");
    assertThatThrownBy(() -> ContinueAsNewOptions.newBuilder().taskQueue(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ContinueAsNewOptions.taskQueue must not be blank");
    assertThatThrownBy(
            () -> ContinueAsNewOptions.newBuilder().workflowRunTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ContinueAsNewOptions.workflowRunTimeout must be positive, was PT0S");
  }

  /** The catch-up workflow of {@link ContinueAsNewTest}, changed to read its history length. */
  public static class CatchUpReadingHistory extends ContinueAsNewTest.CatchUpImpl {
    static final List<Long> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public long run(long from, long to, long total) {
      SEEN.add(Workflow.getInfo().getHistoryLength());
      SEEN.add(Workflow.getInfo().isContinueAsNewSuggested() ? 1L : 0L);
      return super.run(from, to, total);
    }
  }

  @Test
  void codeThatStartsAskingReplaysHistoriesRecordedBeforeAndSeesZeros() {
    CatchUpReadingHistory.SEEN.clear();

    dev.weft.internal.runtime.HistoryCheck.replay(
        Histories.load("continue-as-new-first-run"),
        ContinueAsNewTest.CatchUp.class,
        CatchUpReadingHistory::new,
        PAYLOADS);

    assertThat(CatchUpReadingHistory.SEEN).containsExactly(0L, 0L);
  }

  @Test
  void historyLimitsSuggestContinueAsNewAtEightPercentOfTheHardLimits() {
    assertThat(HistoryLimits.DEFAULTS.suggestsContinueAsNew(4_095, 0)).isFalse();
    assertThat(HistoryLimits.DEFAULTS.suggestsContinueAsNew(4_096, 0)).isTrue();
    assertThat(HistoryLimits.DEFAULTS.suggestsContinueAsNew(1, 4L * 1024 * 1024 - 1)).isFalse();
    assertThat(HistoryLimits.DEFAULTS.suggestsContinueAsNew(1, 4L * 1024 * 1024)).isTrue();
  }
}
