package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.claim;
import static dev.weft.store.tck.TestData.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.TaskScheduling;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the priority of tasks ({@link TaskScheduling#priority()}): a claim hands out the best level
 * first (1 before 2, ..., before 5), for activity tasks (each task's own priority) and for workflow
 * tasks (the priority the run was inserted with, {@link Write.InsertRun#scheduling()}); within one
 * priority and one fairness key, tasks go in the order they were queued, not by visibility time; a
 * more urgent task that is not visible yet holds nothing back; and a task's scheduling reads back
 * as it was written.
 *
 * <p>It also pins the rule against starvation: with a constant supply of more urgent work, a task
 * waiting at a worse level is handed out after at most {@value #PASSED_OVER_LIMIT} tasks of better
 * levels have gone out past it (a bound per store instance: the claims here all go to one store),
 * and a claim never returns more than its {@code maxTasks} when levels take their turn. Priorities
 * outside 1..5 are refused by {@link TaskScheduling} itself, naming the value.
 */
public abstract class PriorityContract extends StoreContract {
  /** How many tasks of better levels may go out past a waiting task before it gets its turn. */
  static final int PASSED_OVER_LIMIT = 20;

  private static final Duration LEASE = Duration.ofMinutes(1);

  private static TaskScheduling priority(int priority) {
    return new TaskScheduling(priority, "", 1.0);
  }

  /** Inserts a run of {@code priority} with a workflow task visible at {@code visibleAt}. */
  private void queueWorkflow(String runId, int priority, Instant visibleAt) {
    commitOk(
        run(runId).scheduling(priority(priority)).insert(),
        new Write.EnsureWorkflowTask(runId, QUEUE, visibleAt));
  }

  private void queueActivity(String runId, long seq, int priority) {
    commitOk(activity(runId, seq).scheduling(priority(priority)).insert());
  }

  private ActivityTaskState claimOneActivity(String owner, Instant now) {
    List<ActivityTaskState> claimed =
        store.claimActivityTasks(claim(owner, owner.hashCode(), 1, now, LEASE));
    assertThat(claimed).as("activity tasks claimed by %s", owner).hasSize(1);
    return claimed.getFirst();
  }

  private WorkflowTaskRecord claimOneWorkflow(String owner, Instant now) {
    List<WorkflowTaskRecord> claimed =
        store.claimWorkflowTasks(claim(owner, owner.hashCode(), 1, now, LEASE));
    assertThat(claimed).as("workflow tasks claimed by %s", owner).hasSize(1);
    return claimed.getFirst();
  }

  @Test
  void activityClaimsHandOutTheHighestPriorityFirst() {
    startRun("r1");
    int[] priorities = {5, 3, 1, 4, 2, 3, 1};
    for (int i = 0; i < priorities.length; i++) {
      queueActivity("r1", i + 1, priorities[i]);
    }

    List<ActivityTaskState> claimed = store.claimActivityTasks(claim("w1", 7, 4, T0, LEASE));
    List<ActivityTaskState> rest = store.claimActivityTasks(claim("w2", 8, 10, T0, LEASE));

    assertThat(claimed)
        .extracting(s -> s.task().scheduling().priority())
        .containsExactly(1, 1, 2, 3);
    assertThat(claimed).extracting(s -> s.task().seq()).containsExactly(3L, 7L, 5L, 2L);
    assertThat(rest).extracting(s -> s.task().seq()).containsExactly(6L, 4L, 1L);
  }

  @Test
  void workflowClaimsHandOutTheRunWithTheHighestPriorityFirst() {
    queueWorkflow("low", 5, T0);
    queueWorkflow("normal", 3, T0);
    queueWorkflow("urgent", 1, T0);
    queueWorkflow("high", 2, T0);

    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(claimOneWorkflow("w" + i, T0).runId());
    }

    assertThat(order).containsExactly("urgent", "high", "normal", "low");
  }

  @Test
  void aRunsLaterWorkflowTasksKeepItsPriority() {
    queueWorkflow("urgent", 1, T0);
    queueWorkflow("normal", 3, T0);
    WorkflowTaskRecord first = claimOneWorkflow("w1", T0);
    assertThat(first.runId()).isEqualTo("urgent");
    commitOk(new Write.CompleteWorkflowTask("urgent", QUEUE, first.leaseToken(), 0, T0));

    // the run's next task, queued after the normal one, still goes first
    commitOk(new Write.EnsureWorkflowTask("urgent", QUEUE, T0.plusSeconds(1)));

    assertThat(claimOneWorkflow("w2", T0.plusSeconds(1)).runId()).isEqualTo("urgent");
    assertThat(claimOneWorkflow("w3", T0.plusSeconds(1)).runId()).isEqualTo("normal");
  }

  @Test
  void anUrgentTaskQueuedLastOvertakesABacklog() {
    startRun("r1");
    for (int seq = 1; seq <= 50; seq++) {
      queueActivity("r1", seq, 3);
    }
    queueActivity("r1", 51, 1);
    for (int i = 1; i <= 50; i++) {
      queueWorkflow("backlog-" + i, 3, T0);
    }
    queueWorkflow("urgent", 1, T0);

    assertThat(claimOneActivity("w1", T0).task().seq()).isEqualTo(51L);
    assertThat(claimOneWorkflow("w1", T0).runId()).isEqualTo("urgent");
  }

  @Test
  void withinAPriorityAndAKeyTasksGoInTheOrderTheyWereQueuedNotByVisibilityTime() {
    startRun("r1");
    TaskScheduling tenant = new TaskScheduling(2, "tenant-a", 1.0);
    for (int seq = 5; seq >= 1; seq--) {
      commitOk(activity("r1", seq).scheduling(tenant).visibleAt(T0.plusSeconds(seq)).insert());
    }
    for (int i = 5; i >= 1; i--) {
      commitOk(
          run("r" + (10 + i)).scheduling(tenant).insert(),
          new Write.EnsureWorkflowTask("r" + (10 + i), QUEUE, T0.plusSeconds(i)));
    }
    Instant later = T0.plusSeconds(10);

    assertThat(store.claimActivityTasks(claim("w1", 7, 10, later, LEASE)))
        .extracting(s -> s.task().seq())
        .containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(store.claimWorkflowTasks(claim("w1", 7, 10, later, LEASE)))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("r15", "r14", "r13", "r12", "r11");
  }

  @Test
  void aTaskThatGoesBackToItsQueueIsQueuedAgainAtTheBackOfItsLine() {
    startRun("r1");
    for (int seq = 1; seq <= 3; seq++) {
      queueActivity("r1", seq, 3);
    }
    for (int i = 1; i <= 3; i++) {
      queueWorkflow("run-" + i, 3, T0);
    }
    ActivityTaskState attempt = claimOneActivity("w1", T0);
    WorkflowTaskRecord workflowTask = claimOneWorkflow("w1", T0);
    assertThat(attempt.task().seq()).isEqualTo(1L);
    assertThat(workflowTask.runId()).isEqualTo("run-1");

    commitOk(
        new Write.RetryActivityTask("r1", 1, QUEUE, attempt.leaseToken(), T0, null),
        new Write.FailWorkflowTask("run-1", QUEUE, workflowTask.leaseToken(), "boom", T0));

    assertThat(store.claimActivityTasks(claim("w2", 8, 10, T0, LEASE)))
        .extracting(s -> s.task().seq())
        .containsExactly(2L, 3L, 1L);
    assertThat(store.claimWorkflowTasks(claim("w2", 8, 10, T0, LEASE)))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("run-2", "run-3", "run-1");
  }

  @Test
  void aWorkflowTaskWhoseLeaseRanOutKeepsItsPlaceInLine() {
    for (int i = 1; i <= 3; i++) {
      queueWorkflow("run-" + i, 3, T0);
    }
    assertThat(claimOneWorkflow("w1", T0).runId()).isEqualTo("run-1");

    Instant leaseEnded = T0.plus(LEASE);

    assertThat(store.claimWorkflowTasks(claim("w2", 8, 10, leaseEnded, LEASE)))
        .extracting(WorkflowTaskRecord::runId)
        .containsExactly("run-1", "run-2", "run-3");
  }

  @Test
  void anUrgentTaskThatIsNotVisibleYetHoldsNothingBack() {
    startRun("r1");
    commitOk(activity("r1", 1).scheduling(priority(1)).visibleAt(T0.plusSeconds(30)).insert());
    queueActivity("r1", 2, 5);
    queueWorkflow("urgent", 1, T0.plusSeconds(30));
    queueWorkflow("patient", 5, T0);

    assertThat(claimOneActivity("w1", T0).task().seq()).isEqualTo(2L);
    assertThat(claimOneWorkflow("w1", T0).runId()).isEqualTo("patient");
    assertThat(claimOneActivity("w1", T0.plusSeconds(30)).task().seq()).isEqualTo(1L);
    assertThat(claimOneWorkflow("w1", T0.plusSeconds(30)).runId()).isEqualTo("urgent");
  }

  @Test
  void anActivityTasksSchedulingReadsBackAsWritten() {
    startRun("r1");
    TaskScheduling scheduling = new TaskScheduling(4, "tenant-7", 2.5);
    commitOk(activity("r1", 1).scheduling(scheduling).insert(), activity("r1", 2).insert());

    assertThat(store.findActivityTasks("r1"))
        .extracting(s -> s.task().scheduling())
        .containsExactly(scheduling, TaskScheduling.DEFAULT);
    assertThat(store.claimActivityTasks(claim("w1", 7, 10, T0, LEASE)))
        .extracting(s -> s.task().scheduling())
        .containsExactly(TaskScheduling.DEFAULT, scheduling);
  }

  @Test
  void aWaitingLowestPriorityActivityGoesOutAfterAtMostTwentyMoreUrgentOnes() {
    startRun("r1");
    queueActivity("r1", 1_000, 5);
    queueActivity("r1", 1, 1);
    long next = 2;
    int urgentBefore = 0;
    while (urgentBefore <= 3 * PASSED_OVER_LIMIT) {
      // a constant supply: more urgent work keeps arriving
      queueActivity("r1", next++, 1);
      ActivityTaskState claimed = claimOneActivity("w1", T0);
      if (claimed.task().seq() == 1_000) {
        break;
      }
      assertThat(claimed.task().scheduling().priority()).isEqualTo(1);
      urgentBefore++;
    }

    assertThat(urgentBefore)
        .as("priority-1 tasks handed out before the waiting priority-5 task")
        .isBetween(1, PASSED_OVER_LIMIT);
  }

  @Test
  void aWaitingLowestPriorityRunGoesOutAfterAtMostTwentyMoreUrgentOnes() {
    queueWorkflow("patient", 5, T0);
    queueWorkflow("urgent-0", 1, T0);
    int next = 1;
    int urgentBefore = 0;
    while (urgentBefore <= 3 * PASSED_OVER_LIMIT) {
      queueWorkflow("urgent-" + next++, 1, T0);
      WorkflowTaskRecord claimed = claimOneWorkflow("w1", T0);
      if (claimed.runId().equals("patient")) {
        break;
      }
      urgentBefore++;
    }

    assertThat(urgentBefore)
        .as("priority-1 workflow tasks handed out before the waiting priority-5 one")
        .isBetween(1, PASSED_OVER_LIMIT);
  }

  @Test
  void whenSeveralWaitingLevelsTakeTheirTurnAClaimStillReturnsAtMostMaxTasks() {
    startRun("r1");
    queueActivity("r1", 4_000, 4);
    queueActivity("r1", 5_000, 5);
    queueActivity("r1", 1, 1);
    long next = 2;
    List<Long> handedOut = new ArrayList<>();
    for (int i = 0; i < 3 * PASSED_OVER_LIMIT; i++) {
      queueActivity("r1", next++, 1);
      List<ActivityTaskState> claimed = store.claimActivityTasks(claim("w1", 7, 1, T0, LEASE));
      assertThat(claimed).as("claim %s with maxTasks 1", i).hasSize(1);
      handedOut.add(claimed.getFirst().task().seq());
    }

    // both waiting tasks got their turn, one claim each, close to the bound
    assertThat(handedOut.indexOf(4_000L)).isBetween(1, PASSED_OVER_LIMIT + 1);
    assertThat(handedOut.indexOf(5_000L)).isBetween(1, PASSED_OVER_LIMIT + 2);
  }

  @Test
  void aClaimTakesItsMaxTasksFromTheBestLevelsEvenWhenALevelTakesItsTurn() {
    startRun("r1");
    queueActivity("r1", 5_000, 5);
    long next = 1;
    for (; next <= PASSED_OVER_LIMIT; next++) {
      queueActivity("r1", next, 1);
      claimOneActivity("w1", T0);
    }
    for (int i = 0; i < 10; i++) {
      queueActivity("r1", next++, 1);
    }

    List<ActivityTaskState> claimed = store.claimActivityTasks(claim("w2", 8, 4, T0, LEASE));

    assertThat(claimed).hasSize(4);
    assertThat(claimed).extracting(s -> s.task().seq()).contains(5_000L);
    assertThat(claimed)
        .filteredOn(s -> s.task().seq() != 5_000L)
        .allSatisfy(s -> assertThat(s.task().scheduling().priority()).isEqualTo(1));
  }

  @Test
  void prioritiesOutsideOneToFiveAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> new TaskScheduling(0, "", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> new TaskScheduling(6, "", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority")
        .hasMessageContaining("was 6");
    assertThatThrownBy(() -> TaskScheduling.DEFAULT.withPriority(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority")
        .hasMessageContaining("was -1");
    assertThat(new TaskScheduling(1, "", 1.0).priority()).isEqualTo(1);
    assertThat(new TaskScheduling(5, "", 1.0).priority()).isEqualTo(5);
  }
}
