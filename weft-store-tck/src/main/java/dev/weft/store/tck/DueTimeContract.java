package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.QUEUE;
import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;
import static dev.weft.store.tck.TestData.bytes;
import static dev.weft.store.tck.TestData.claim;
import static dev.weft.store.tck.TestData.events;
import static dev.weft.store.tck.TestData.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Write;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code nextDueTime(now)}: the minimum over timers, activity lease ends and schedule-to-close
 * deadlines (counted even when already past), and the visibility of workflow and unleased activity
 * tasks that become claimable after {@code now} (a workflow task lease, a retry backoff); tasks
 * claimable already are the workers' business and do not count. Empty when nothing of that is
 * pending (runs, history and inbox alone are not pending work).
 */
public abstract class DueTimeContract extends StoreContract {

  @Test
  void emptyWhenNothingIsPending() {
    assertThat(store.nextDueTime(T0)).isEmpty();

    startRun("r1");
    commitOk(
        new Write.AppendEvents("r1", 1, events(1, 2)),
        new Write.InsertInbox("r1", "SignalReceived", T0, bytes("s")));

    assertThat(store.nextDueTime(T0)).isEmpty();
  }

  @Test
  void earliestTimer() {
    startRun("r1");

    commitOk(
        new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(90))),
        new Write.InsertTimer(timer("r1", 2, T0.plusSeconds(30))));

    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(30));
  }

  @Test
  void timerDueAlreadyIsReportedAsItIs() {
    startRun("r1");

    commitOk(new Write.InsertTimer(timer("r1", 1, T0.minusSeconds(3600))));

    assertThat(store.nextDueTime(T0)).contains(T0.minusSeconds(3600));
  }

  @Test
  void workflowTaskThatBecomesVisibleLater() {
    startRun("r1");

    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0.plusSeconds(45)));

    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(45));
  }

  @Test
  void claimableWorkflowTaskDoesNotCount() {
    startRun("r1");

    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0));

    assertThat(store.nextDueTime(T0)).isEmpty();
    assertThat(store.nextDueTime(T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void endOfAWorkflowTaskLease() {
    startRun("r1");
    commitOk(new Write.EnsureWorkflowTask("r1", QUEUE, T0));

    store.claimWorkflowTasks(claim("w1", 7, 1, T0.plusSeconds(10), Duration.ofSeconds(30)));

    assertThat(store.nextDueTime(T0.plusSeconds(10))).contains(T0.plusSeconds(40));
  }

  @Test
  void activityThatBecomesVisibleLater() {
    startRun("r1");

    commitOk(activity("r1", 1).visibleAt(T0.plusSeconds(75)).insert());

    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(75));
    assertThat(store.nextDueTime(T0.plusSeconds(75))).isEmpty();
  }

  @Test
  void endOfAnActivityLeaseEvenWhenPast() {
    startRun("r1");
    commitOk(activity("r1", 1).startToCloseTimeout(Duration.ofMinutes(5)).insert());

    store.claimActivityTasks(claim("w1", 7, 1, T0.plusSeconds(60), Duration.ofMinutes(1)));

    assertThat(store.nextDueTime(T0.plusSeconds(60))).contains(T0.plusSeconds(360));
    assertThat(store.nextDueTime(T0.plusSeconds(400))).contains(T0.plusSeconds(360));
  }

  @Test
  void scheduleToCloseDeadlineEvenWhenPast() {
    startRun("r1");

    commitOk(
        activity("r1", 1)
            .visibleAt(T0.plusSeconds(3600))
            .scheduleToCloseDeadline(T0.plusSeconds(1800))
            .insert());

    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(1800));
    assertThat(store.nextDueTime(T0.plusSeconds(2000))).contains(T0.plusSeconds(1800));
  }

  @Test
  void minimumOverEverythingPending() {
    startRun("r1");
    commitOk(
        new Write.InsertTimer(timer("r1", 1, T0.plusSeconds(50))),
        new Write.EnsureWorkflowTask("r1", QUEUE, T0.plusSeconds(40)),
        activity("r1", 2).visibleAt(T0.plusSeconds(30)).insert(),
        activity("r1", 3)
            .visibleAt(T0.plusSeconds(3600))
            .scheduleToCloseDeadline(T0.plusSeconds(20))
            .insert());
    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(20));

    commitOk(new Write.DeleteActivityTask("r1", 3));
    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(30));

    commitOk(new Write.DeleteActivityTask("r1", 2));
    assertThat(store.nextDueTime(T0)).contains(T0.plusSeconds(40));

    commitOk(new Write.DeleteRunTasks("r1"));
    assertThat(store.nextDueTime(T0)).isEmpty();
  }
}
