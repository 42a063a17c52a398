package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftClock;
import dev.weft.failure.InvalidResetPointException;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.history.WorkflowHistory;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.ManualClock;
import dev.weft.workflow.QueryMethod;
import dev.weft.workflow.SignalMethod;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reset to a workflow-task point (fixing a bad deploy) and import of exported histories. */
@Tag("engine")
public class ResetAndImportTest {
  /** Whether the deployed workflow code has the bug (it skips step 3). */
  static volatile boolean buggy;

  static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

  @ActivityInterface
  public interface Steps {
    String step(int n);
  }

  public static class StepsImpl implements Steps {
    @Override
    public String step(int n) {
      RUNS.computeIfAbsent("step" + n, k -> new AtomicInteger()).incrementAndGet();
      return "s" + n;
    }
  }

  @WorkflowInterface
  public interface Pipeline {
    @WorkflowMethod
    List<String> run(long pauseMillis);

    @SignalMethod
    void note(String text);

    @QueryMethod
    List<String> notes();
  }

  public static class PipelineImpl implements Pipeline {
    private final List<String> notes = new ArrayList<>();

    @Override
    public List<String> run(long pauseMillis) {
      Steps steps =
          Workflow.newActivityStub(
              Steps.class,
              ActivityOptions.newBuilder().startToCloseTimeout(Duration.ofSeconds(10)).build());
      List<String> done = new ArrayList<>();
      done.add(steps.step(1));
      if (pauseMillis > 0) {
        Workflow.sleep(Duration.ofMillis(pauseMillis));
      }
      done.add(steps.step(2));
      if (!buggy) {
        done.add(steps.step(3));
      }
      Workflow.await(() -> notes.contains("done"));
      done.addAll(notes);
      return done;
    }

    @Override
    public void note(String text) {
      notes.add(text);
    }

    @Override
    public List<String> notes() {
      return notes;
    }
  }

  private static EngineFixture engine(Path dir) {
    return engine(dir, WeftClock.system());
  }

  private static EngineFixture engine(Path dir, WeftClock clock) {
    RUNS.clear();
    return EngineFixture.start(
        dir,
        b -> b.clock(clock),
        e ->
            e.newWorker("pipes")
                .registerWorkflow(Pipeline.class, PipelineImpl::new)
                .registerActivities(new StepsImpl()));
  }

  private static WorkflowHandle<Object> start(EngineFixture f, String id, long pauseMillis) {
    return f.client()
        .start(
            "Pipeline",
            WorkflowOptions.newBuilder().workflowId(id).taskQueue("pipes").build(),
            pauseMillis);
  }

  private static long taskCompletedAfter(
      WorkflowHandle<?> h, Class<? extends EventAttributes> after) {
    List<HistoryEvent> events = h.fetchHistory().events();
    boolean seen = false;
    for (HistoryEvent e : events) {
      seen |= after.isInstance(e.attributes());
      if (seen && e.attributes() instanceof EventAttributes.WorkflowTaskCompleted) {
        return e.eventId();
      }
    }
    throw new AssertionError("no WorkflowTaskCompleted after " + after.getSimpleName());
  }

  @Test
  void aResetRunsTheChosenTaskAgainWithTheFixedCode(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      buggy = true;
      WorkflowHandle<Object> bad = start(f, "pipe-1", 0);
      bad.signal("note", "done");
      assertThat(bad.getResult(List.class)).containsExactly("s1", "s2", "done");

      // the task that decided after step 2 is the one after the second ActivityCompleted
      List<HistoryEvent> events = bad.fetchHistory().events();
      long secondCompletion =
          events.stream()
              .filter(
                  e ->
                      e.attributes() instanceof EventAttributes.ActivityCompleted c && c.seq() == 2)
              .findFirst()
              .orElseThrow()
              .eventId();
      long point =
          events.stream()
              .filter(
                  e ->
                      e.eventId() > secondCompletion
                          && e.attributes() instanceof EventAttributes.WorkflowTaskCompleted)
              .findFirst()
              .orElseThrow()
              .eventId();
      buggy = false; // the fix is deployed

      WorkflowHandle<Object> fixed = f.client().reset("pipe-1", null, point, "skipped step 3");

      assertThat(fixed.runId()).isNotEqualTo(bad.runId());
      assertThat(fixed.getResult(List.class)).containsExactly("s1", "s2", "s3", "done");
      dev.weft.testsupport.Histories.record("workflow-reset", fixed);
      assertThat(RUNS.get("step1")).hasValue(1);
      assertThat(RUNS.get("step2")).hasValue(1);
      assertThat(RUNS.get("step3")).hasValue(1);
      assertThat(fixed.fetchHistory().events())
          .anySatisfy(
              e ->
                  assertThat(e.attributes())
                      .isEqualTo(
                          new EventAttributes.WorkflowReset(bad.runId(), point, "skipped step 3")));
      assertThat(f.client().getHandle("pipe-1").runId()).isEqualTo(fixed.runId());
    }
  }

  @Test
  void aResetOfARunningWorkflowTerminatesItAndReschedulesPendingWork(@TempDir Path dir) {
    // the 800 ms timer fires only when the test moves the clock, however slow the machine
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T00:00:00Z"));
    try (EngineFixture f = engine(dir, clock)) {
      buggy = false;
      WorkflowHandle<Object> old = start(f, "pipe-2", 800);
      // step 1 done, the 800 ms timer is pending
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> old.describe().pendingTimers().size() == 1);
      assertThat(RUNS.get("step1")).hasValue(1);
      old.signal("note", "first");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> old.query("notes", List.class).contains("first"));
      long point = taskCompletedAfter(old, EventAttributes.SignalReceived.class);

      WorkflowHandle<Object> fresh = f.client().reset("pipe-2", old.runId(), point, "test");

      assertThat(old.describe().status()).isEqualTo(WorkflowStatus.TERMINATED);
      assertThat(fresh.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(fresh.describe().pendingTimers()).hasSize(1);
      clock.advance(Duration.ofSeconds(1)); // the rescheduled timer fires
      fresh.signal("note", "done");
      assertThat(fresh.getResult(List.class)).containsExactly("s1", "s2", "s3", "first", "done");
      assertThat(RUNS.get("step1")).hasValue(1);
    }
  }

  @Test
  void aResetToAnEventThatDoesNotEndAWorkflowTaskIsRefusedAndWritesNothing(@TempDir Path dir) {
    try (EngineFixture f = engine(dir)) {
      buggy = false;
      WorkflowHandle<Object> h = start(f, "pipe-3", 0);
      h.signal("note", "done");
      h.getResult(List.class);
      long runs = f.stats().runs();

      List<Long> valid =
          h.fetchHistory().events().stream()
              .filter(e -> e.attributes() instanceof EventAttributes.WorkflowTaskCompleted)
              .map(HistoryEvent::eventId)
              .toList();

      assertThatThrownBy(() -> f.client().reset("pipe-3", null, 1, "wrong point"))
          .isInstanceOf(InvalidResetPointException.class)
          .hasMessageContaining("to event 1: it is WorkflowStarted")
          .hasMessageContaining(
              "a reset point is the end of a workflow task (WorkflowTaskCompleted): " + valid);
      assertThatThrownBy(() -> f.client().reset("pipe-3", null, 999, "wrong point"))
          .isInstanceOf(InvalidResetPointException.class)
          .hasMessageContaining("to event 999: the run has no such event");
      assertThat(f.stats().runs()).isEqualTo(runs);
    }
  }

  @Test
  void anExportedHistoryImportsAsAClosedOrARunningRun(@TempDir Path dir) {
    String closedJson;
    String openJson;
    try (EngineFixture f = engine(dir.resolve("a"))) {
      buggy = false;
      WorkflowHandle<Object> done = start(f, "exported-done", 0);
      done.signal("note", "done");
      done.getResult(List.class);
      closedJson = done.fetchHistory().toJson();
      WorkflowHandle<Object> open = start(f, "exported-open", 0);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  open.fetchHistory().events().stream()
                      .anyMatch(
                          e ->
                              e.attributes() instanceof EventAttributes.ActivityCompleted c
                                  && c.seq() == 3));
      open.signal("note", "exported");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> open.query("notes", List.class).contains("exported"));
      openJson = open.fetchHistory().toJson();
    }
    try (EngineFixture g = engine(dir.resolve("b"))) {
      WorkflowHistory closed = WorkflowHistory.fromJson(closedJson);
      WorkflowHandle<Object> imported = g.client().importHistory(closed);
      assertThat(imported.runId()).isEqualTo(closed.runId());
      assertThat(imported.describe().status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(imported.getResult(List.class)).containsExactly("s1", "s2", "s3", "done");
      assertThat(imported.query("notes", List.class)).containsExactly("done");

      WorkflowHandle<Object> resumed = g.client().importHistory(WorkflowHistory.fromJson(openJson));
      assertThat(resumed.describe().status()).isEqualTo(WorkflowStatus.RUNNING);
      resumed.signal("note", "done");
      assertThat(resumed.getResult(List.class))
          .containsExactly("s1", "s2", "s3", "exported", "done");
      assertThat(RUNS).doesNotContainKey("step1"); // nothing ran again in this engine

      assertThatThrownBy(() -> g.client().importHistory(closed))
          .isInstanceOf(WorkflowAlreadyStartedException.class)
          .hasMessageContaining("exists already");
    }
  }
}
