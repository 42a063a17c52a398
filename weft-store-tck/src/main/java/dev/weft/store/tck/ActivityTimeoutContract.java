package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins how running activity attempts keep or lose their lease: {@code recordHeartbeat} stores the
 * details and extends the lease only for the lease holder ({@link HeartbeatResult#LEASE_LOST}
 * otherwise); {@code expiredActivityTasks} finds leases that ran out and tasks past their
 * schedule-to-close deadline; {@code expireAllLeases} (stores with exclusive access only) makes
 * leased workflow tasks claimable at once and leased activity attempts expired.
 */
public abstract class ActivityTimeoutContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Duration HEARTBEAT = Duration.ofSeconds(20);

  @Test
  void heartbeatOfTheLeaseHolderStoresDetailsAndExtendsTheLease() {
    ActivityTaskState leased = givenLeasedActivity("r1", 1, 7);
    Instant extended = T0.plusSeconds(35);

    HeartbeatResult result = store.recordHeartbeat("r1", 1, 7, bytes("progress 50%"), extended);

    assertThat(result).isEqualTo(HeartbeatResult.RECORDED);
    ActivityTaskState stored = store.findActivityTasks("r1").getFirst();
    assertThat(stored.task().heartbeatDetails()).isEqualTo(bytes("progress 50%"));
    assertThat(stored.leaseUntil()).isEqualTo(extended);
    assertThat(stored.leaseToken()).isEqualTo(leased.leaseToken());
    assertThat(store.expiredActivityTasks(leased.leaseUntil(), 10)).isEmpty();
  }

  @Test
  void heartbeatWithAWrongTokenLosesTheLeaseAndChangesNothing() {
    ActivityTaskState leased = givenLeasedActivity("r1", 1, 7);

    HeartbeatResult result = store.recordHeartbeat("r1", 1, 99, bytes("x"), T0.plusSeconds(90));

    assertThat(result).isEqualTo(HeartbeatResult.LEASE_LOST);
    assertThat(store.findActivityTasks("r1"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(leased);
  }

  @Test
  void heartbeatOfADeletedTaskLosesTheLease() {
    givenLeasedActivity("r1", 1, 7);
    commitOk(new Write.DeleteActivityTask("r1", 1));

    assertThat(store.recordHeartbeat("r1", 1, 7, bytes("x"), T0.plusSeconds(40)))
        .isEqualTo(HeartbeatResult.LEASE_LOST);
    assertThat(store.findActivityTasks("r1")).isEmpty();
  }

  @Test
  void heartbeatAfterARetryLosesTheLease() {
    givenLeasedActivity("r1", 1, 7);
    commitOk(new Write.RetryActivityTask("r1", 1, QUEUE, 7, T0.plusSeconds(30), bytes("fail")));

    assertThat(store.recordHeartbeat("r1", 1, 7, bytes("x"), T0.plusSeconds(40)))
        .isEqualTo(HeartbeatResult.LEASE_LOST);
    assertThat(store.findActivityTasks("r1").getFirst().isLeased()).isFalse();
  }

  @Test
  void leasedTaskExpiresWhenItsLeaseRunsOut() {
    ActivityTaskState leased = givenLeasedActivity("r1", 1, 7);

    assertThat(store.expiredActivityTasks(leased.leaseUntil().minusMillis(1), 10)).isEmpty();
    assertThat(store.expiredActivityTasks(leased.leaseUntil(), 10))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(leased);
  }

  @Test
  void unleasedTaskExpiresWhenItsScheduleToCloseDeadlinePasses() {
    startRun("r1");
    Instant deadline = T0.plusSeconds(300);
    commitOk(
        activity("r1", 1).visibleAt(T0.plusSeconds(600)).scheduleToCloseDeadline(deadline).insert(),
        activity("r1", 2).visibleAt(T0.plusSeconds(600)).insert());

    assertThat(store.expiredActivityTasks(deadline.minusMillis(1), 10)).isEmpty();
    assertThat(store.expiredActivityTasks(deadline, 10))
        .extracting(s -> s.task().seq())
        .containsExactly(1L);
  }

  @Test
  void leasedTaskExpiresWhenItsScheduleToCloseDeadlinePassesDespiteHeartbeats() {
    startRun("r1");
    Instant deadline = T0.plusSeconds(100);
    commitOk(
        activity("r1", 1).heartbeatTimeout(HEARTBEAT).scheduleToCloseDeadline(deadline).insert());
    store.claimActivityTasks(claim("w1", 7, 1, T0, LEASE));
    store.recordHeartbeat("r1", 1, 7, bytes("busy"), deadline.plusSeconds(60));

    assertThat(store.expiredActivityTasks(deadline.minusMillis(1), 10)).isEmpty();
    assertThat(store.expiredActivityTasks(deadline, 10))
        .extracting(s -> s.task().seq())
        .containsExactly(1L);
  }

  @Test
  void expiredTasksAreLimited() {
    startRun("r1");
    for (int seq = 1; seq <= 5; seq++) {
      commitOk(activity("r1", seq).heartbeatTimeout(HEARTBEAT).insert());
    }
    store.claimActivityTasks(claim("w1", 7, 5, T0, LEASE));

    List<ActivityTaskState> expired = store.expiredActivityTasks(T0.plus(HEARTBEAT), 3);

    assertThat(expired).hasSize(3).allMatch(ActivityTaskState::isLeased);
  }

  @Test
  void nothingExpiresBeforeItsTime() {
    givenLeasedActivity("r1", 1, 7);
    commitOk(activity("r1", 2).scheduleToCloseDeadline(T0.plusSeconds(600)).insert());

    assertThat(store.expiredActivityTasks(T0.plusSeconds(10), 10)).isEmpty();
  }

  @Test
  void expireAllLeasesMakesLeasedWorkflowTasksClaimableAtOnce() {
    assumeExclusiveAccess();
    commitOk(TestData.run("r1").insert(), new Write.EnsureWorkflowTask("r1", QUEUE, T0));
    store.claimWorkflowTasks(claim("dead", 7, 1, T0, LEASE));
    Instant restart = T0.plusSeconds(5);

    int ended = store.expireAllLeases(restart);

    assertThat(ended).isEqualTo(1);
    List<WorkflowTaskRecord> reclaimed =
        store.claimWorkflowTasks(claim("w2", 8, 1, restart, LEASE));
    assertThat(reclaimed).extracting(WorkflowTaskRecord::runId).containsExactly("r1");
  }

  @Test
  void expireAllLeasesMakesLeasedActivitiesExpired() {
    assumeExclusiveAccess();
    givenLeasedActivity("r1", 1, 7);
    commitOk(activity("r1", 2).visibleAt(T0.plusSeconds(60)).insert());
    Instant restart = T0.plusSeconds(5);

    int ended = store.expireAllLeases(restart);

    assertThat(ended).isEqualTo(1);
    assertThat(store.expiredActivityTasks(restart, 10))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.task().seq()).isEqualTo(1);
              assertThat(s.leaseToken()).isEqualTo(7);
            });
    assertThat(store.findActivityTasks("r1").get(1).isLeased()).isFalse();
  }

  @Test
  void expireAllLeasesCountsEveryLease() {
    assumeExclusiveAccess();
    commitOk(TestData.run("r1").insert(), new Write.EnsureWorkflowTask("r1", QUEUE, T0));
    commitOk(TestData.run("r2").insert(), new Write.EnsureWorkflowTask("r2", QUEUE, T0));
    store.claimWorkflowTasks(claim("dead", 7, 1, T0, LEASE));
    commitOk(activity("r1", 1).insert(), activity("r1", 2).insert(), activity("r1", 3).insert());
    store.claimActivityTasks(claim("dead", 8, 2, T0, LEASE));

    assertThat(store.expireAllLeases(T0.plusSeconds(5))).isEqualTo(3);
  }

  @Test
  void expireLeasesOfEndsOnlyThatOwnersLeases() {
    commitOk(TestData.run("r1").insert(), new Write.EnsureWorkflowTask("r1", QUEUE, T0));
    commitOk(TestData.run("r2").insert(), new Write.EnsureWorkflowTask("r2", QUEUE, T0));
    store.claimWorkflowTasks(claim("dead", 7, 1, T0, LEASE));
    store.claimWorkflowTasks(claim("alive", 8, 1, T0, LEASE));
    commitOk(activity("r1", 1).insert(), activity("r1", 2).insert());
    store.claimActivityTasks(claim("dead", 9, 1, T0, LEASE));
    store.claimActivityTasks(claim("alive", 10, 1, T0, LEASE));
    Instant restart = T0.plusSeconds(5);

    assertThat(store.expireLeasesOf("dead", restart)).isEqualTo(2);

    assertThat(store.claimWorkflowTasks(claim("dead", 11, 5, restart, LEASE))).hasSize(1);
    assertThat(store.expiredActivityTasks(restart, 10))
        .singleElement()
        .satisfies(s -> assertThat(s.leaseToken()).isEqualTo(9));
    assertThat(store.expireLeasesOf("nobody", restart)).isZero();
  }

  /** Starts a run with activity {@code seq} (20s heartbeat timeout) leased at T0 with a token. */
  private ActivityTaskState givenLeasedActivity(String runId, long seq, long token) {
    commitOk(
        TestData.run(runId).insert(), activity(runId, seq).heartbeatTimeout(HEARTBEAT).insert());
    List<ActivityTaskState> claimed = store.claimActivityTasks(claim("w1", token, 1, T0, LEASE));
    assertThat(claimed).hasSize(1);
    return claimed.getFirst();
  }
}
