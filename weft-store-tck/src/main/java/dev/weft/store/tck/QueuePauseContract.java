package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.KeyLimit;
import dev.weft.store.Pause;
import dev.weft.store.RateLimit;
import dev.weft.store.Store;
import dev.weft.store.TaskKind;
import dev.weft.store.UnknownTaskQueueException;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import dev.weft.store.tck.RecordingListener.FlowControlChanged;
import dev.weft.store.tck.RecordingListener.TasksReady;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins pauses of queues and activity types ({@link Store#changeFlowControl}): pausing a queue holds
 * both its workflow and activity tasks, pausing an activity type holds only that type on that
 * queue, resuming releases them and wakes the workers; {@link Store#flowControl()} shows every
 * setting and is what {@code changeFlowControl} returns; listeners hear of each change; a change
 * naming a queue nobody registered throws {@link UnknownTaskQueueException} naming the queue and
 * changes nothing; registering a queue is idempotent; and a paused queue pauses none of its runs.
 */
public abstract class QueuePauseContract extends PauseFixture {

  @Test
  void pausingAQueueHoldsItsWorkflowAndActivityTasksUntilItIsResumed() {
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    startRunWithTasks("r1", QUEUE);
    startRunWithTasks("r2", "other");

    FlowControl paused = store.changeFlowControl(new FlowControlChange.PauseQueue(QUEUE, FIRST));

    assertThat(paused.isPaused(QUEUE)).isTrue();
    assertThat(paused.isPaused("other")).isFalse();
    assertThat(claimWorkflows(QUEUE, T0)).isEmpty();
    assertThat(claimActivities(QUEUE, T0)).isEmpty();
    assertThat(claimWorkflows("other", T0))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r2");
    assertThat(claimActivities("other", T0))
        .extracting(s -> s.task().runId())
        .containsExactly("r2");

    FlowControl resumed = store.changeFlowControl(new FlowControlChange.ResumeQueue(QUEUE));

    assertThat(resumed.isPaused(QUEUE)).isFalse();
    assertThat(claimWorkflows(QUEUE, T0))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r1");
    assertThat(claimActivities(QUEUE, T0)).extracting(s -> s.task().runId()).containsExactly("r1");
  }

  @Test
  void pausingAnActivityTypeHoldsOnlyThatTypeOnThatQueue() {
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    startRun("r1");
    commitOk(
        new Write.EnsureWorkflowTask("r1", QUEUE, T0),
        activity("r1", 1).activityType("ChargeCard").insert(),
        activity("r1", 2).activityType("SendEmail").insert(),
        activity("r1", 3).activityType("ChargeCard").taskQueue("other").insert());

    FlowControl after =
        store.changeFlowControl(
            new FlowControlChange.PauseActivityType(QUEUE, "ChargeCard", FIRST));

    assertThat(after.isPaused(QUEUE, "ChargeCard")).isTrue();
    assertThat(after.isPaused(QUEUE, "SendEmail")).isFalse();
    assertThat(after.isPaused(QUEUE)).isFalse();
    assertThat(claimActivities(QUEUE, T0)).extracting(s -> s.task().seq()).containsExactly(2L);
    assertThat(claimActivities("other", T0)).extracting(s -> s.task().seq()).containsExactly(3L);
    assertThat(claimWorkflows(QUEUE, T0)).hasSize(1);

    store.changeFlowControl(new FlowControlChange.ResumeActivityType(QUEUE, "ChargeCard"));

    assertThat(claimActivities(QUEUE, T0)).extracting(s -> s.task().seq()).containsExactly(1L);
  }

  @Test
  void resumingAQueueOrAnActivityTypeWakesItsWorkers() {
    RecordingListener listener = new RecordingListener();
    store.addListener(listener);
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    store.changeFlowControl(new FlowControlChange.PauseActivityType(QUEUE, "ChargeCard", FIRST));
    startRunWithTasks("r1", QUEUE);
    listener.awaitReceived(new TasksReady(TaskKind.WORKFLOW, QUEUE, T0));
    listener.awaitReceived(new TasksReady(TaskKind.ACTIVITY, QUEUE, T0));
    listener.clear();

    store.changeFlowControl(new FlowControlChange.ResumeActivityType(QUEUE, "ChargeCard"));

    // the tasks were ready before: the hint must not put them off to a later time
    listener.awaitReceived(
        "activity tasks of " + QUEUE + " ready by T0",
        n ->
            n instanceof TasksReady t
                && t.kind() == TaskKind.ACTIVITY
                && t.taskQueue().equals(QUEUE)
                && !t.visibleAt().isAfter(T0));
    store.changeFlowControl(new FlowControlChange.PauseQueue(QUEUE, FIRST));
    listener.clear();

    store.changeFlowControl(new FlowControlChange.ResumeQueue(QUEUE));

    listener.awaitReceived(
        "workflow tasks of " + QUEUE + " ready by T0",
        n ->
            n instanceof TasksReady t
                && t.kind() == TaskKind.WORKFLOW
                && t.taskQueue().equals(QUEUE)
                && !t.visibleAt().isAfter(T0));
  }

  @Test
  void listenersHearOfEveryFlowControlChange() {
    RecordingListener listener = new RecordingListener();
    store.addListener(listener);
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    List<FlowControlChange> changes =
        List.of(
            new FlowControlChange.PauseQueue(QUEUE, FIRST),
            new FlowControlChange.ResumeQueue(QUEUE),
            new FlowControlChange.PauseActivityType(QUEUE, "ChargeCard", FIRST),
            new FlowControlChange.ResumeActivityType(QUEUE, "ChargeCard"),
            new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(10, 10)),
            new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", new KeyLimit(1, null)));

    for (FlowControlChange change : changes) {
      listener.clear();
      store.changeFlowControl(change);
      listener.awaitReceived(new FlowControlChanged());
    }
  }

  @Test
  void flowControlShowsEverySettingAsChangeFlowControlReturnsIt() {
    assertThat(store.flowControl()).isEqualTo(FlowControl.NONE);
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    store.changeFlowControl(new FlowControlChange.RegisterQueue("payments"));
    Pause quiet = new Pause(T0.plusSeconds(1), "", "");

    store.changeFlowControl(new FlowControlChange.PauseQueue("payments", FIRST));
    store.changeFlowControl(new FlowControlChange.PauseQueue("payments", SECOND));
    store.changeFlowControl(new FlowControlChange.PauseActivityType(QUEUE, "ChargeCard", quiet));
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, new RateLimit(5.0, 10)));
    FlowControl last =
        store.changeFlowControl(
            new FlowControlChange.SetKeyLimit(
                QUEUE, "tenant-a", new KeyLimit(3, new RateLimit(0.5, 1))));

    FlowControl expected =
        new FlowControl(
            Set.of(QUEUE, "payments"),
            Map.of("payments", FIRST),
            Map.of(QUEUE, Map.of("ChargeCard", quiet)),
            Map.of(QUEUE, new RateLimit(5.0, 10)),
            Map.of(QUEUE, Map.of("tenant-a", new KeyLimit(3, new RateLimit(0.5, 1)))));
    assertThat(last).isEqualTo(expected);
    assertThat(store.flowControl()).isEqualTo(expected);

    store.changeFlowControl(new FlowControlChange.ResumeQueue("payments"));
    store.changeFlowControl(new FlowControlChange.ResumeActivityType(QUEUE, "ChargeCard"));
    store.changeFlowControl(new FlowControlChange.SetQueueRate(QUEUE, null));
    FlowControl cleared =
        store.changeFlowControl(new FlowControlChange.SetKeyLimit(QUEUE, "tenant-a", null));

    FlowControl nothing =
        new FlowControl(Set.of(QUEUE, "payments"), Map.of(), Map.of(), Map.of(), Map.of());
    assertThat(cleared).isEqualTo(nothing);
    assertThat(store.flowControl()).isEqualTo(nothing);
  }

  @Test
  void aChangeNamingAnUnregisteredQueueThrowsNamingItAndChangesNothing() {
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    store.changeFlowControl(new FlowControlChange.PauseActivityType(QUEUE, "SendEmail", FIRST));
    FlowControl before = store.flowControl();
    List<FlowControlChange> changes =
        List.of(
            new FlowControlChange.PauseQueue("nowhere", FIRST),
            new FlowControlChange.ResumeQueue("nowhere"),
            new FlowControlChange.PauseActivityType("nowhere", "ChargeCard", FIRST),
            new FlowControlChange.ResumeActivityType("nowhere", "ChargeCard"),
            new FlowControlChange.SetQueueRate("nowhere", new RateLimit(1, 1)),
            new FlowControlChange.SetQueueRate("nowhere", null),
            new FlowControlChange.SetKeyLimit("nowhere", "tenant-a", new KeyLimit(1, null)),
            new FlowControlChange.SetKeyLimit("nowhere", "tenant-a", null));

    for (FlowControlChange change : changes) {
      assertThatThrownBy(() -> store.changeFlowControl(change))
          .as("%s", change)
          .isInstanceOfSatisfying(
              UnknownTaskQueueException.class,
              e -> {
                assertThat(e.taskQueue()).isEqualTo("nowhere");
                assertThat(e.knownQueues()).containsExactly(QUEUE);
              })
          .hasMessageContaining("'nowhere'");
      assertThat(store.flowControl()).as("after %s", change).isEqualTo(before);
    }
    assertThat(store.flowControl().queues()).containsExactly(QUEUE);
  }

  @Test
  void registeringAQueueIsIdempotentAndKeepsItsSettings() {
    FlowControl first = store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    store.changeFlowControl(new FlowControlChange.PauseQueue(QUEUE, FIRST));

    FlowControl again = store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));

    assertThat(first.queues()).containsExactly(QUEUE);
    assertThat(again.queues()).containsExactly(QUEUE);
    assertThat(again.pausedQueues()).isEqualTo(Map.of(QUEUE, FIRST));
    assertThat(store.flowControl()).isEqualTo(again);
  }

  @Test
  void aPausedQueueDoesNotPauseItsRunsOrTheirTimers() {
    store.changeFlowControl(new FlowControlChange.RegisterQueue(QUEUE));
    startRun("r1");
    commitOk(new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(5))));

    store.changeFlowControl(new FlowControlChange.PauseQueue(QUEUE, FIRST));

    assertThat(store.findRunPause("r1")).isEqualTo(Optional.empty());
    assertThat(store.dueTimers(T0.plusSeconds(5), 10)).hasSize(1);
    commitOk(new Write.IfNotPaused("r1"));
  }
}
