package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.claim;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.TaskQueueBacklog;
import dev.weft.store.Write;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pins what a queue offers to workers that run some activity types only, and what waits in it: an
 * activity claim limited to types leases only tasks of those types (the others stay for a worker
 * that knows them), one without types takes any; the backlog counts the visible, unleased tasks of
 * each kind of one queue and the oldest visibility time of each.
 */
public abstract class TaskQueueContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void aClaimLimitedToTypesLeavesOtherTypesInTheQueue() {
    startRun("r1");
    commitOk(
        activity("r1", 1).activityType("Charge").insert(),
        activity("r1", 2).activityType("Greet").insert(),
        activity("r1", 3).activityType("Ship").insert());

    ClaimRequest greetOrShip =
        claim("remote", 5, 10, T0, LEASE).withActivityTypes(Set.of("Greet", "Ship"));

    assertThat(store.claimActivityTasks(greetOrShip))
        .extracting(s -> s.task().activityType())
        .containsExactlyInAnyOrder("Greet", "Ship");
    assertThat(store.claimActivityTasks(greetOrShip)).isEmpty();
    assertThat(store.claimActivityTasks(claim("any", 6, 10, T0, LEASE)))
        .extracting(s -> s.task().activityType())
        .containsExactly("Charge");
  }

  @Test
  void aClaimOfATypeNobodyScheduledTakesNothing() {
    startRun("r1");
    commitOk(activity("r1", 1).activityType("Charge").insert());

    assertThat(
            store.claimActivityTasks(
                claim("remote", 5, 10, T0, LEASE).withActivityTypes(Set.of("Greet"))))
        .isEmpty();
    assertThat(store.findActivityTasks("r1"))
        .extracting(ActivityTaskState::isLeased)
        .containsExactly(false);
  }

  @Test
  void theBacklogCountsVisibleUnleasedTasksOfItsQueue() {
    startRun("r1");
    startRun("r2");
    commitOk(
        activity("r1", 1).visibleAt(T0.plusSeconds(2)).insert(),
        activity("r1", 2).visibleAt(T0.plusSeconds(5)).insert(),
        activity("r1", 3).visibleAt(T0.plusSeconds(60)).insert(),
        activity("r1", 4).taskQueue("other").insert(),
        new Write.EnsureWorkflowTask("r1", QUEUE, T0.plusSeconds(1)),
        new Write.EnsureWorkflowTask("r2", "other", T0));
    commitOk(activity("r2", 1).visibleAt(T0).insert());
    store.claimActivityTasks(
        claim("w1", 7, 1, T0.plusSeconds(1), LEASE)); // leases r2's task, visible first

    TaskQueueBacklog backlog = store.taskQueueBacklog(QUEUE, T0.plusSeconds(10));

    assertThat(backlog)
        .isEqualTo(new TaskQueueBacklog(QUEUE, 1, 2, T0.plusSeconds(1), T0.plusSeconds(2)));
    assertThat(backlog.oldestTaskAge(T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void anEmptyQueueHasNoBacklog() {
    TaskQueueBacklog backlog = store.taskQueueBacklog("nobody", T0);

    assertThat(backlog).isEqualTo(new TaskQueueBacklog("nobody", 0, 0, null, null));
    assertThat(backlog.oldestTaskAge(T0)).isZero();
  }
}
