package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.ActivityTaskRecord;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.CommitResult;
import dev.weft.store.TaskLease;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins activity tasks in their queue: inserted tasks read back unchanged and unleased; a claim
 * leases visible, unleased tasks of one queue, oldest first, up to {@code maxTasks}, counts the
 * attempt and sets the lease end from the task's timeouts ({@link ActivityTaskRecord#leaseUntil});
 * a leased task is never claimed again (its expiry goes through {@code expiredActivityTasks});
 * completing and retrying are fenced by the lease token; a retry releases the lease and delays the
 * task; a delete removes the task whatever its state.
 */
public abstract class ActivityTaskContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void insertedTaskReadsBackUnleased() {
    startRun("r1");
    ActivityTaskRecord task =
        activity("r1", 3)
            .visibleAt(T0.plusSeconds(5))
            .scheduleToCloseDeadline(T0.plusSeconds(3600))
            .startToCloseTimeout(Duration.ofMinutes(5))
            .heartbeatTimeout(Duration.ofSeconds(20))
            .build();

    commitOk(new Write.InsertActivityTask(task));

    assertThat(store.findActivityTasks("r1"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(new ActivityTaskState(task, null, 0, null, null));
  }

  @Test
  void tasksOfARunAreFoundBySequenceNumber() {
    startRun("r1");

    commitOk(activity("r1", 5).insert(), activity("r1", 2).insert(), activity("r1", 9).insert());

    assertThat(store.findActivityTasks("r1"))
        .extracting(s -> s.task().seq())
        .containsExactly(2L, 5L, 9L);
  }

  @Test
  void oneTaskIsFoundByRunAndSequenceNumberWithItsLease() {
    startRun("r1");
    startRun("r2");
    commitOk(
        activity("r1", 2).visibleAt(T0.plusSeconds(60)).insert(),
        activity("r1", 5).startToCloseTimeout(Duration.ofMinutes(5)).insert(),
        activity("r2", 2).taskQueue("other").insert());
    ActivityTaskState unleased = store.findActivityTasks("r1").getFirst();
    ActivityTaskState leased =
        store.claimActivityTasks(claim("w1", 7, 10, T0, LEASE)).stream()
            .filter(s -> s.task().seq() == 5)
            .findFirst()
            .orElseThrow();

    assertThat(store.findActivityTask("r1", 5))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(leased)
        .isEqualTo(store.findActivityTasks("r1").get(1));
    assertThat(store.findActivityTask("r1", 2).orElseThrow().isLeased()).isFalse();
    assertThat(store.findActivityTask("r1", 2))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(unleased);
    assertThat(store.findActivityTask("r2", 2).orElseThrow().task().taskQueue()).isEqualTo("other");
    assertThat(store.findActivityTask("r1", 3)).isEmpty();
    assertThat(store.findActivityTask("nobody", 2)).isEmpty();
    commitOk(new Write.CompleteActivityTask("r1", 5, 7));
    assertThat(store.findActivityTask("r1", 5)).isEmpty();
  }

  @Test
  void claimCountsTheAttemptAndLeasesUntilTheEarliestTimeout() {
    startRun("r1");
    Duration fiveMinutes = Duration.ofMinutes(5);
    List<ActivityTaskRecord> tasks =
        List.of(
            activity("r1", 1).startToCloseTimeout(fiveMinutes).build(),
            activity("r1", 2)
                .startToCloseTimeout(fiveMinutes)
                .heartbeatTimeout(Duration.ofSeconds(30))
                .build(),
            activity("r1", 3)
                .startToCloseTimeout(fiveMinutes)
                .scheduleToCloseDeadline(T0.plusSeconds(100))
                .build(),
            activity("r1", 4).build());
    for (ActivityTaskRecord task : tasks) {
      commitOk(new Write.InsertActivityTask(task));
    }
    Instant now = T0.plusSeconds(10);

    List<ActivityTaskState> claimed =
        store.claimActivityTasks(claim("w1", 7, 10, now, LEASE)).stream()
            .sorted(Comparator.comparingLong(s -> s.task().seq()))
            .toList();

    assertThat(claimed)
        .extracting(ActivityTaskState::leaseUntil)
        .containsExactly(
            now.plus(fiveMinutes), now.plusSeconds(30), T0.plusSeconds(100), now.plus(LEASE));
    for (int i = 0; i < tasks.size(); i++) {
      ActivityTaskRecord task = tasks.get(i);
      assertThat(claimed.get(i))
          .usingRecursiveComparison()
          .isEqualTo(
              new ActivityTaskState(
                  withAttempt(task, 1), "w1", 7, now, task.leaseUntil(now, LEASE)));
    }
  }

  @Test
  void claimedLeaseIsStored() {
    startRun("r1");
    commitOk(activity("r1", 1).startToCloseTimeout(Duration.ofMinutes(5)).insert());

    ActivityTaskState claimed = claimOne(claim("w1", 7, 1, T0, LEASE));

    assertThat(store.findActivityTasks("r1"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(claimed);
  }

  @Test
  void claimLeasesVisibleTasksOfThatQueueOnly() {
    startRun("r1");
    commitOk(
        activity("r1", 1).insert(),
        activity("r1", 2).visibleAt(T0.plusSeconds(1)).insert(),
        activity("r1", 3).taskQueue("other").insert());

    List<ActivityTaskState> claimed = store.claimActivityTasks(claim("w1", 7, 10, T0, LEASE));

    assertThat(claimed).extracting(s -> s.task().seq()).containsExactly(1L);
  }

  @Test
  void claimReturnsAtMostMaxTasksInTheOrderTheyWereQueued() {
    startRun("r1");
    for (int seq = 5; seq >= 1; seq--) {
      commitOk(activity("r1", seq).visibleAt(T0.plusSeconds(seq)).insert());
    }

    List<ActivityTaskState> claimed =
        store.claimActivityTasks(claim("w1", 7, 3, T0.plusSeconds(10), LEASE));

    // one fairness key, one priority: first queued, first out (not by visibility time)
    assertThat(claimed).extracting(s -> s.task().seq()).containsExactly(5L, 4L, 3L);
    assertThat(store.claimActivityTasks(claim("w2", 8, 10, T0.plusSeconds(10), LEASE)))
        .extracting(s -> s.task().seq())
        .containsExactly(2L, 1L);
  }

  @Test
  void leasedTaskIsNotClaimableEvenAfterItsLeaseEnds() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    claimOne(claim("w1", 7, 1, T0, LEASE));

    assertThat(store.claimActivityTasks(claim("w2", 8, 1, T0, LEASE))).isEmpty();
    assertThat(store.claimActivityTasks(claim("w2", 8, 1, T0.plus(LEASE).plusSeconds(1), LEASE)))
        .isEmpty();
  }

  @Test
  void completingWithTheLeaseTokenRemovesTheTask() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    claimOne(claim("w1", 7, 1, T0, LEASE));

    commitOk(new Write.CompleteActivityTask("r1", 1, 7));

    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void completingWithAWrongTokenConflictsAndKeepsTheTask() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    ActivityTaskState leased = claimOne(claim("w1", 7, 1, T0, LEASE));
    Write.CompleteActivityTask wrong = new Write.CompleteActivityTask("r1", 1, 99);

    CommitResult.Conflict conflict = commitConflict(wrong);

    assertThat(conflict.write()).isEqualTo(wrong);
    assertThat(store.findActivityTasks("r1"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(leased);
  }

  @Test
  void completingATaskNobodyLeasedConflicts() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());

    commitConflict(new Write.CompleteActivityTask("r1", 1, 0));

    assertThat(store.findActivityTasks("r1")).hasSize(1);
  }

  @Test
  void completingADeletedTaskConflicts() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    claimOne(claim("w1", 7, 1, T0, LEASE));
    commitOk(new Write.DeleteActivityTask("r1", 1));

    commitConflict(new Write.CompleteActivityTask("r1", 1, 7));
  }

  @Test
  void insertWithALeaseStartsTheFirstAttemptWithoutAClaim() {
    startRun("r1");
    TaskLease lease = new TaskLease("w1", 9, T0, T0.plusSeconds(30));

    commitOk(new Write.InsertActivityTask(activity("r1", 1).build(), lease));

    ActivityTaskState stored = store.findActivityTasks("r1").getFirst();
    assertThat(stored.leaseOwner()).isEqualTo("w1");
    assertThat(stored.leaseToken()).isEqualTo(9);
    assertThat(stored.startedAt()).isEqualTo(T0);
    assertThat(stored.leaseUntil()).isEqualTo(T0.plusSeconds(30));
    assertThat(stored.task().attempt()).isEqualTo(1);
    assertThat(store.claimActivityTasks(claim("w2", 8, 1, T0, LEASE))).isEmpty();
    commitOk(new Write.CompleteActivityTask("r1", 1, 9));
    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void retryReleasesTheLeaseAndDelaysTheTask() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    ActivityTaskState first = claimOne(claim("w1", 7, 1, T0, LEASE));
    Instant retryAt = T0.plusSeconds(90);

    commitOk(new Write.RetryActivityTask("r1", 1, QUEUE, 7, retryAt, bytes("timeout")));

    ActivityTaskRecord waiting = withAttempt(first.task(), 1, retryAt, bytes("timeout"));
    assertThat(store.findActivityTasks("r1"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(new ActivityTaskState(waiting, null, 0, null, null));
    assertThat(store.claimActivityTasks(claim("w2", 8, 1, retryAt.minusMillis(1), LEASE)))
        .isEmpty();
    ActivityTaskState second = claimOne(claim("w2", 8, 1, retryAt, LEASE));
    assertThat(second.task().attempt()).isEqualTo(2);
    assertThat(second.task().lastFailure()).isEqualTo(bytes("timeout"));
    assertThat(second.leaseToken()).isEqualTo(8);
  }

  @Test
  void retryCarriesTheFailedAttemptsLatestHeartbeatDetailsToTheNextAttempt() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    claimOne(claim("w1", 7, 1, T0, LEASE));
    store.recordHeartbeat("r1", 1, 7, bytes("item 3"), T0.plusSeconds(30));

    commitOk(new Write.RetryActivityTask("r1", 1, QUEUE, 7, T0, bytes("boom"), bytes("item 5")));

    assertThat(claimOne(claim("w2", 8, 1, T0, LEASE)).task().heartbeatDetails())
        .isEqualTo(bytes("item 5"));
  }

  @Test
  void retryWithoutHeartbeatDetailsKeepsTheStoredOnes() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    claimOne(claim("w1", 7, 1, T0, LEASE));
    store.recordHeartbeat("r1", 1, 7, bytes("item 3"), T0.plusSeconds(30));

    commitOk(new Write.RetryActivityTask("r1", 1, QUEUE, 7, T0, bytes("boom")));

    assertThat(claimOne(claim("w2", 8, 1, T0, LEASE)).task().heartbeatDetails())
        .isEqualTo(bytes("item 3"));
  }

  @Test
  void retryingWithAWrongTokenConflictsAndKeepsTheLease() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());
    ActivityTaskState leased = claimOne(claim("w1", 7, 1, T0, LEASE));

    commitConflict(new Write.RetryActivityTask("r1", 1, QUEUE, 99, T0, bytes("x")));

    assertThat(store.findActivityTasks("r1"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(leased);
  }

  @Test
  void retryingATaskNobodyLeasedConflicts() {
    startRun("r1");
    commitOk(activity("r1", 1).insert());

    commitConflict(new Write.RetryActivityTask("r1", 1, QUEUE, 0, T0, bytes("x")));
  }

  @Test
  void deleteRemovesATaskWhateverItsState() {
    startRun("r1");
    commitOk(activity("r1", 1).insert(), activity("r1", 2).visibleAt(T0.plusSeconds(60)).insert());
    claimOne(claim("w1", 7, 1, T0, LEASE));

    commitOk(new Write.DeleteActivityTask("r1", 1), new Write.DeleteActivityTask("r1", 2));

    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void deletingAMissingTaskIsNotAConflict() {
    startRun("r1");

    commitOk(new Write.DeleteActivityTask("r1", 42));
  }

  private ActivityTaskState claimOne(ClaimRequest request) {
    List<ActivityTaskState> claimed = store.claimActivityTasks(request);
    assertThat(claimed).as("claimed activity tasks").hasSize(1);
    return claimed.getFirst();
  }

  private static ActivityTaskRecord withAttempt(ActivityTaskRecord t, int attempt) {
    return withAttempt(t, attempt, t.visibleAt(), t.lastFailure());
  }

  private static ActivityTaskRecord withAttempt(
      ActivityTaskRecord t, int attempt, Instant visibleAt, byte[] lastFailure) {
    return new ActivityTaskRecord(
        t.runId(),
        t.seq(),
        t.taskQueue(),
        t.activityType(),
        attempt,
        visibleAt,
        t.scheduleToCloseDeadline(),
        t.startToCloseTimeout(),
        t.heartbeatTimeout(),
        t.spec(),
        t.heartbeatDetails(),
        lastFailure);
  }
}
