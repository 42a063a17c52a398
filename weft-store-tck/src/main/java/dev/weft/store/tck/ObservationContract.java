package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.claim;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.QueueBacklog;
import dev.weft.store.StoreMetrics;
import dev.weft.store.TaskKind;
import dev.weft.store.Write;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Pins what a store tells metrics: {@code taskBacklog(now)} counts per queue and kind the tasks
 * claimable at {@code now} and not leased, with the oldest one's visibility (later-visible and
 * leased tasks left out, empty queues absent); a {@link StoreMetrics} added with {@code addMetrics}
 * hears of every committed transaction with its group size (at least the batch it carried) and a
 * positive duration, and of nothing committed before it was added.
 */
public abstract class ObservationContract extends StoreContract {

  @Test
  void backlogIsEmptyWithNoTasks() {
    startRun("r1");

    assertThat(store.taskBacklog(T0)).isEmpty();
  }

  @Test
  void backlogCountsReadyUnleasedTasksPerQueueAndKind() {
    startRun("r1");
    startRun("r2");
    commitOk(
        new Write.EnsureWorkflowTask("r1", QUEUE, T0.minusSeconds(30)),
        new Write.EnsureWorkflowTask("r2", "other", T0.plusSeconds(60)),
        activity("r1", 1).visibleAt(T0.minusSeconds(10)).insert(),
        activity("r1", 2).visibleAt(T0.minusSeconds(20)).insert(),
        activity("r1", 3).visibleAt(T0.plusSeconds(5)).insert(),
        activity("r2", 1).taskQueue("other").visibleAt(T0.minusSeconds(1)).insert());

    assertThat(store.taskBacklog(T0))
        .containsExactlyInAnyOrder(
            new QueueBacklog(QUEUE, TaskKind.WORKFLOW, 1, T0.minusSeconds(30)),
            new QueueBacklog(QUEUE, TaskKind.ACTIVITY, 2, T0.minusSeconds(20)),
            new QueueBacklog("other", TaskKind.ACTIVITY, 1, T0.minusSeconds(1)));
  }

  @Test
  void leasedTasksAreNotABacklog() {
    startRun("r1");
    commitOk(
        activity("r1", 1).visibleAt(T0.minusSeconds(20)).insert(),
        activity("r1", 2).visibleAt(T0.minusSeconds(10)).insert());

    assertThat(store.claimActivityTasks(claim("w1", 7, 1, T0, Duration.ofMinutes(1)))).hasSize(1);

    assertThat(store.taskBacklog(T0))
        .containsExactly(new QueueBacklog(QUEUE, TaskKind.ACTIVITY, 1, T0.minusSeconds(10)));
  }

  @Test
  void metricsHearOfEveryCommitAfterTheyWereAdded() {
    startRun("r0");
    List<long[]> seen = new CopyOnWriteArrayList<>();
    store.addMetrics((units, nanos) -> seen.add(new long[] {units, nanos}));

    startRun("r1");
    startRun("r2");

    assertThat(seen).hasSizeGreaterThanOrEqualTo(1);
    assertThat(seen.stream().mapToLong(s -> s[0]).sum()).isGreaterThanOrEqualTo(2);
    assertThat(seen).allSatisfy(s -> assertThat(s[1]).isPositive());
    assertThat(seen).allSatisfy(s -> assertThat(s[0]).isPositive());
  }
}
