package dev.weft.internal.step;

import static dev.weft.internal.step.StepParts.NODE;
import static dev.weft.internal.step.StepParts.NOW;
import static dev.weft.internal.step.StepParts.PAYLOADS;
import static dev.weft.internal.step.StepParts.RUN;
import static dev.weft.internal.step.StepParts.charge;
import static dev.weft.internal.step.StepParts.kinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.common.RetryPolicy;
import dev.weft.common.WorkflowStatus;
import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.StartChildWorkflowInitiated;
import dev.weft.history.EventAttributes.TimerStarted;
import dev.weft.history.EventAttributes.WorkflowStarted;
import dev.weft.history.Failure;
import dev.weft.store.EventRecord;
import dev.weft.store.InboxRecord;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.updates.PutUpdateOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch a workflow task commits, write by write, in order. */
class WorkflowTaskCommitTest {
  private static final WorkflowTaskRecord TASK =
      new WorkflowTaskRecord(RUN.runId(), "q", NOW, 1, null, NODE, 77);
  private static final WorkflowStarted STARTED =
      new WorkflowStarted("Order", RUN.workflowId(), "q", null);
  private static final EventAttributes SIGNAL = new EventAttributes.SignalReceived("go", null);

  private static List<InboxRecord> inbox(StepParts parts, EventAttributes... events) {
    List<InboxRecord> rows = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      rows.add(
          new InboxRecord(
              10 + i, RUN.runId(), "SignalReceived", NOW, parts.codec.encode(events[i])));
    }
    return rows;
  }

  private static PreparedCommit task(
      StepParts parts, List<EventAttributes> commands, EventAttributes... inboxEvents) {
    return parts
        .commit()
        .forTask(
            RUN,
            STARTED,
            List.of(),
            5,
            TASK,
            inbox(parts, inboxEvents),
            List.of(inboxEvents),
            Map.of(),
            commands,
            NOW);
  }

  private static List<String> appended(PreparedCommit prepared, int index) {
    return ((Write.AppendEvents) prepared.batch().writes().get(index))
        .events().stream().map(EventRecord::type).toList();
  }

  @Test
  void aTaskAppendsItsInboxBoundaryAndCommandsThenWritesWhatTheCommandsImply(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      TimerStarted timer = new TimerStarted(2, Duration.ofMinutes(1), NOW.plusSeconds(60));

      PreparedCommit prepared = task(parts, List.of(charge(1, "q"), timer), SIGNAL);

      List<Write> writes = prepared.batch().writes();
      assertThat(kinds(writes))
          .containsExactly(
              Write.AppendEvents.class,
              Write.InsertActivityTask.class,
              Write.InsertTimer.class,
              Write.DeleteInbox.class,
              Write.CompleteWorkflowTask.class);
      Write.AppendEvents append = (Write.AppendEvents) writes.get(0);
      assertThat(append.expectedNextEventId()).isEqualTo(5);
      assertThat(append.events().stream().map(EventRecord::eventId))
          .containsExactly(5L, 6L, 7L, 8L);
      assertThat(appended(prepared, 0))
          .containsExactly(
              "SignalReceived", "WorkflowTaskCompleted", "ActivityScheduled", "TimerStarted");
      assertThat(prepared.appendedEvents()).isEqualTo(4);
      assertThat(prepared.appendedBytes())
          .isEqualTo(append.events().stream().mapToLong(e -> e.data().length).sum());
      assertThat(((Write.CompleteWorkflowTask) writes.get(4)).consumedInboxId()).isEqualTo(10);
      assertThat(prepared.leased()).isEmpty();
    }
  }

  @Test
  void theBoundaryNamesThisNodeAndCarriesTheTaskTime(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      PreparedCommit prepared = task(parts, List.of(), SIGNAL);

      EventRecord boundary =
          ((Write.AppendEvents) prepared.batch().writes().get(0)).events().get(1);
      assertThat(boundary.time()).isEqualTo(NOW);
      assertThat(parts.codec.decode(boundary.data()))
          .isEqualTo(new EventAttributes.WorkflowTaskCompleted(NODE));
    }
  }

  @Test
  void aClosingTaskClosesTheRunAfterEndingTheTask(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      PreparedCommit prepared =
          task(parts, List.of(new EventAttributes.WorkflowCompleted(null)), SIGNAL);

      List<Write> writes = prepared.batch().writes();
      assertThat(kinds(writes))
          .containsExactly(
              Write.AppendEvents.class,
              Write.DeleteInbox.class,
              Write.CompleteWorkflowTask.class,
              Write.CloseRun.class,
              Write.DeleteRunTasks.class);
      Write.CloseRun close = (Write.CloseRun) writes.get(3);
      assertThat(close.status()).isEqualTo(WorkflowStatus.COMPLETED);
      assertThat(close.consumedInboxId()).isEqualTo(10);
    }
  }

  @Test
  void aTaskThatOnlyRejectedUpdatesAppendsNothing(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      List<EventAttributes> recorded = new ArrayList<>();
      recorded.add(null);
      Failure why = new Failure(Failure.APPLICATION, "Nope", "no", "", false, 0, 0, null);

      PreparedCommit prepared =
          parts
              .commit()
              .forTask(
                  RUN,
                  STARTED,
                  List.of(),
                  5,
                  TASK,
                  inbox(parts, new EventAttributes.UpdateRequested("u1", "add", null)),
                  recorded,
                  Map.of("u1", why),
                  List.of(),
                  NOW);

      assertThat(kinds(prepared.batch().writes()))
          .containsExactly(
              PutUpdateOutcome.class, Write.DeleteInbox.class, Write.CompleteWorkflowTask.class);
      assertThat(prepared.appendedEvents()).isZero();
      UpdateOutcome outcome =
          parts.codec.decodeValue(
              ((PutUpdateOutcome) prepared.batch().writes().get(0)).outcome(), UpdateOutcome.class);
      assertThat(outcome.status()).isEqualTo(UpdateOutcome.REJECTED);
    }
  }

  @Test
  void anEagerStepWritesTheEventsOwnWritesFirstAndAppendsTheEventBeforeTheBoundary(
      @TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      EventAttributes completed = new EventAttributes.ActivityCompleted(1, null, 1);
      List<Write> eventWrites =
          List.of(
              new Write.IfNotPaused(RUN.runId()),
              new Write.CompleteActivityTask(RUN.runId(), 1, 9));

      PreparedCommit prepared =
          parts
              .commit()
              .forEvents(
                  RUN,
                  STARTED,
                  List.of(),
                  5,
                  List.of(completed),
                  NOW.minusMillis(3),
                  eventWrites,
                  List.of(new TimerStarted(2, Duration.ofSeconds(1), NOW.plusSeconds(1))),
                  NOW);

      assertThat(kinds(prepared.batch().writes()))
          .containsExactly(
              Write.IfNotPaused.class,
              Write.CompleteActivityTask.class,
              Write.AppendEvents.class,
              Write.InsertTimer.class);
      assertThat(appended(prepared, 2))
          .containsExactly("ActivityCompleted", "WorkflowTaskCompleted", "TimerStarted");
      assertThat(((Write.AppendEvents) prepared.batch().writes().get(2)).events().get(0).time())
          .isEqualTo(NOW.minusMillis(3));
    }
  }

  @Test
  void anEagerStepOfSeveralEventsAppendsThemInTheirOrderWithConsecutiveIdsBeforeOneBoundary(
      @TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      List<EventAttributes> happened =
          List.of(
              new EventAttributes.ActivityCompleted(3, null, 1),
              new EventAttributes.ActivityFailed(
                  1, new Failure(Failure.APPLICATION, "T", "m", "", true, 0, 0, null), 2),
              new EventAttributes.ActivityCompleted(2, null, 1));
      List<Write> eventWrites =
          List.of(
              new Write.IfNotPaused(RUN.runId()),
              new Write.CompleteActivityTask(RUN.runId(), 3, 7),
              new Write.CompleteActivityTask(RUN.runId(), 1, 8),
              new Write.CompleteActivityTask(RUN.runId(), 2, 9));

      PreparedCommit prepared =
          parts
              .commit()
              .forEvents(
                  RUN,
                  STARTED,
                  List.of(),
                  5,
                  happened,
                  NOW.minusMillis(3),
                  eventWrites,
                  List.of(new TimerStarted(4, Duration.ofSeconds(1), NOW.plusSeconds(1))),
                  NOW);

      assertThat(prepared.batch().writes().subList(0, 4)).isEqualTo(eventWrites);
      Write.AppendEvents append = (Write.AppendEvents) prepared.batch().writes().get(4);
      assertThat(append.expectedNextEventId()).isEqualTo(5);
      assertThat(append.events())
          .extracting(EventRecord::type)
          .containsExactly(
              "ActivityCompleted",
              "ActivityFailed",
              "ActivityCompleted",
              "WorkflowTaskCompleted",
              "TimerStarted");
      assertThat(append.events())
          .extracting(EventRecord::eventId)
          .containsExactly(5L, 6L, 7L, 8L, 9L);
      assertThat(prepared.appendedEvents()).isEqualTo(5);
    }
  }

  @Test
  void anActivityThisNodeCanRunIsInsertedLeasedToItAndReturnedForDispatch(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir).started()) {
      PreparedCommit prepared = task(parts, List.of(charge(1, "q")), SIGNAL);

      Write.InsertActivityTask insert = (Write.InsertActivityTask) prepared.batch().writes().get(1);
      assertThat(insert.lease().owner()).isEqualTo(NODE);
      assertThat(prepared.leased()).hasSize(1);
      assertThat(prepared.leased().get(0).state().leaseToken()).isEqualTo(insert.lease().token());
      assertThat(prepared.leased().get(0).state().task().attempt()).isEqualTo(1);
    }
  }

  @Test
  void continuingAsNewStartsTheNextRunInTheSameBatch(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      PreparedCommit prepared =
          task(
              parts,
              List.of(
                  new EventAttributes.WorkflowContinuedAsNew(
                      null, PAYLOADS.encodeArguments(new Object[0], "in"), Map.of(), null)),
              SIGNAL);

      List<Write> writes = prepared.batch().writes();
      assertThat(kinds(writes))
          .containsExactly(
              Write.AppendEvents.class,
              Write.DeleteInbox.class,
              Write.CompleteWorkflowTask.class,
              Write.CloseRun.class,
              Write.DeleteRunTasks.class,
              Write.InsertRun.class,
              Write.AppendEvents.class,
              Write.EnsureWorkflowTask.class);
      EventAttributes.WorkflowContinuedAsNew recorded =
          (EventAttributes.WorkflowContinuedAsNew)
              parts.codec.decode(((Write.AppendEvents) writes.get(0)).events().get(2).data());
      Write.InsertRun next = (Write.InsertRun) writes.get(5);
      assertThat(recorded.newRunId()).isEqualTo(next.run().runId());
      assertThat(((Write.CloseRun) writes.get(3)).status())
          .isEqualTo(WorkflowStatus.CONTINUED_AS_NEW);
    }
  }

  @Test
  void aFailedRunWhosePolicyAllowsARetryNamesTheRetryRunAndStartsIt(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      WorkflowStarted retried =
          new WorkflowStarted(
              "Order",
              RUN.workflowId(),
              "q",
              null,
              null,
              null,
              1,
              null,
              null,
              RetryPolicy.newBuilder().maximumAttempts(3).build(),
              null,
              null,
              null);
      Failure failure = new Failure(Failure.APPLICATION, "Boom", "boom", "", false, 0, 0, null);

      PreparedCommit prepared =
          parts
              .commit()
              .forTask(
                  RUN,
                  retried,
                  List.of(),
                  5,
                  TASK,
                  inbox(parts, SIGNAL),
                  List.of(SIGNAL),
                  Map.of(),
                  List.of(new EventAttributes.WorkflowFailed(failure, null)),
                  NOW);

      List<Write> writes = prepared.batch().writes();
      EventAttributes.WorkflowFailed recorded =
          (EventAttributes.WorkflowFailed)
              parts.codec.decode(((Write.AppendEvents) writes.get(0)).events().get(2).data());
      assertThat(recorded.newRunId()).isNotNull();
      assertThat(((Write.CloseRun) writes.get(3)).status()).isEqualTo(WorkflowStatus.FAILED);
      assertThat(((Write.InsertRun) writes.get(5)).run().runId()).isEqualTo(recorded.newRunId());
    }
  }

  @Test
  void aSecondChildWithAnIdTheTaskStartedAlreadyFailsBackToTheParent(@TempDir Path dir) {
    try (StepParts parts = new StepParts(dir)) {
      StartChildWorkflowInitiated first = child(1);
      StartChildWorkflowInitiated second = child(2);

      PreparedCommit prepared = task(parts, List.of(first, second), SIGNAL);

      List<Write> writes = prepared.batch().writes();
      assertThat(kinds(writes)).startsWith(Write.AppendEvents.class, Write.InsertRun.class);
      assertThat(kinds(writes).subList(writes.size() - 4, writes.size()))
          .containsExactly(
              Write.InsertInbox.class,
              Write.EnsureWorkflowTask.class,
              Write.DeleteInbox.class,
              Write.CompleteWorkflowTask.class);
      Write.InsertInbox failed = (Write.InsertInbox) writes.get(writes.size() - 4);
      assertThat(failed.runId()).isEqualTo(RUN.runId());
      assertThat(
              ((EventAttributes.ChildWorkflowStartFailed) parts.codec.decode(failed.data())).seq())
          .isEqualTo(2);
    }
  }

  private static StartChildWorkflowInitiated child(long seq) {
    return new StartChildWorkflowInitiated(
        seq,
        "Order",
        "order-1-child",
        "q",
        null,
        "ABANDON",
        "ALLOW_DUPLICATE",
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
