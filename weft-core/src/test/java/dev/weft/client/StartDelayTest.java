package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.testsupport.EngineFixture;
import dev.weft.testsupport.Histories;
import dev.weft.testsupport.ManualClock;
import dev.weft.testsupport.TestStore;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code WorkflowOptions.startDelay}: the run exists at once, its first workflow task is due after
 * the delay (durably), and a signal-with-start ends the delay, as in Temporal.
 */
@Tag("engine")
public class StartDelayTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final Duration DELAY = Duration.ofHours(1);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @WorkflowInterface
  public interface Reminder {
    /** Waits for a note, then says when its code first ran and what it got. */
    @WorkflowMethod
    String remind();

    @SignalMethod
    void note(String text);

    @QueryMethod
    List<String> notes();
  }

  public static class ReminderImpl implements Reminder {
    private final List<String> notes = new ArrayList<>();

    @Override
    public String remind() {
      Instant firstRan = Workflow.now();
      Workflow.await(() -> !notes.isEmpty());
      return notes + " first ran at " + firstRan;
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

  private static final Consumer<WeftEngine> WORKERS =
      e -> e.newWorker("reminders").registerWorkflow(Reminder.class, ReminderImpl::new);

  private static EngineFixture engine(TestStore kind, Path dir, ManualClock clock) {
    return EngineFixture.start(kind, dir, b -> b.clock(clock), WORKERS);
  }

  private static WorkflowOptions delayed(String id) {
    return WorkflowOptions.newBuilder()
        .taskQueue("reminders")
        .workflowId(id)
        .startDelay(DELAY)
        .build();
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void theRunExistsAtOnceAndItsCodeFirstRunsAfterTheDelay(TestStore kind, @TempDir Path dir) {
    ManualClock clock = new ManualClock(START);
    try (EngineFixture f = engine(kind, dir, clock)) {
      WorkflowHandle<Object> h = f.client().start("Reminder", delayed("remind-1"), new Object[0]);

      WorkflowDescription d = h.describe();
      assertThat(d.status()).isEqualTo(WorkflowStatus.RUNNING);
      assertThat(d.startTime()).isEqualTo(START);
      assertThat(d.historyLength()).isEqualTo(1);
      assertThat(f.store().findWorkflowTask(h.runId()).orElseThrow().visibleAt())
          .isEqualTo(START.plus(DELAY));

      assertThatThrownBy(() -> h.query("notes", List.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(
              "the run is in its start delay, its code first runs at " + START.plus(DELAY));
      // a plain signal waits with the run (Temporal buffers it too)
      h.signal("note", "call mom");
      assertThat(f.store().findWorkflowTask(h.runId()).orElseThrow().visibleAt())
          .isEqualTo(START.plus(DELAY));
      assertThat(h.fetchHistory().events()).hasSize(1);

      clock.advance(DELAY);
      assertThat(h.getResult(WAIT)).isEqualTo("[call mom] first ran at " + START.plus(DELAY));
      assertThat(h.query("notes", List.class)).containsExactly("call mom");
      if (kind == TestStore.SQLITE) {
        Histories.record("start-delay", h);
      }
    }
  }

  @Test
  void theDelayOutlivesARestart(@TempDir Path dir) {
    ManualClock clock = new ManualClock(START);
    try (EngineFixture f = engine(TestStore.SQLITE, dir, clock)) {
      WorkflowHandle<Object> h = f.client().start("Reminder", delayed("remind-2"), new Object[0]);
      h.signal("note", "water plants");
      clock.advance(Duration.ofMinutes(30));

      f.restart(WORKERS);

      WorkflowHandle<Object> again = f.client().getHandle("remind-2");
      assertThat(again.describe().historyLength()).isEqualTo(1);
      assertThat(f.store().findWorkflowTask(again.runId()).orElseThrow().visibleAt())
          .isEqualTo(START.plus(DELAY));
      clock.advance(Duration.ofMinutes(30));
      assertThat(again.getResult(WAIT))
          .isEqualTo("[water plants] first ran at " + START.plus(DELAY));
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.class)
  void aSignalWithStartEndsTheDelayOfTheRunningRun(TestStore kind, @TempDir Path dir) {
    ManualClock clock = new ManualClock(START);
    try (EngineFixture f = engine(kind, dir, clock)) {
      WorkflowHandle<Object> h = f.client().start("Reminder", delayed("remind-3"), new Object[0]);
      clock.advance(Duration.ofMinutes(5));

      WorkflowHandle<Object> joined =
          f.client().signalWithStart("Reminder", delayed("remind-3"), new Object[0], "note", "now");

      assertThat(joined.runId()).isEqualTo(h.runId());
      assertThat(h.getResult(WAIT))
          .isEqualTo("[now] first ran at " + START.plus(Duration.ofMinutes(5)));
    }
  }

  @Test
  void theSignalWithStartThatStartsADelayedRunKeepsTheDelay(@TempDir Path dir) {
    ManualClock clock = new ManualClock(START);
    try (EngineFixture f = engine(TestStore.SQLITE, dir, clock)) {
      WorkflowHandle<Object> h =
          f.client()
              .signalWithStart("Reminder", delayed("remind-4"), new Object[0], "note", "later");
      assertThat(f.store().findWorkflowTask(h.runId()).orElseThrow().visibleAt())
          .isEqualTo(START.plus(DELAY));
      assertThat(h.describe().status()).isEqualTo(WorkflowStatus.RUNNING);

      clock.advance(DELAY);
      assertThat(h.getResult(WAIT)).isEqualTo("[later] first ran at " + START.plus(DELAY));
    }
  }

  @Test
  void aNegativeDelayIsRefusedAndNoDelayIsTheDefault() {
    assertThatThrownBy(
            () ->
                WorkflowOptions.newBuilder()
                    .taskQueue("reminders")
                    .startDelay(Duration.ofSeconds(-1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WorkflowOptions.startDelay must be zero or positive, was PT-1S");
    WorkflowOptions plain = WorkflowOptions.newBuilder().taskQueue("reminders").build();
    assertThat(plain.startDelay()).isEqualTo(Duration.ZERO);
    assertThat(plain.toBuilder().build()).isEqualTo(plain);
  }
}
