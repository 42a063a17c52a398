package dev.weft.store.tck;

import static dev.weft.store.tck.TestData.T0;
import static dev.weft.store.tck.TestData.activity;

import dev.weft.store.ActivityTaskState;
import dev.weft.store.ClaimRequest;
import dev.weft.store.Pause;
import dev.weft.store.WorkflowTaskRecord;
import dev.weft.store.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the pause contracts ({@link RunPauseContract}, {@link QueuePauseContract}) share: two
 * pauses, claims by worker {@code w1} with a one-minute lease, and a run with a workflow task and
 * an activity task on one queue.
 */
public abstract class PauseFixture extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(1);

  /** The first pause of a run or queue. */
  protected static final Pause FIRST = new Pause(T0, "investigating a bug", "alice");

  /** A later pause, which does not replace the first. */
  protected static final Pause SECOND = new Pause(T0.plusSeconds(60), "again", "bob");

  /** Claims up to ten workflow tasks of {@code queue} at {@code now}. */
  protected final List<WorkflowTaskRecord> claimWorkflows(String queue, Instant now) {
    return store.claimWorkflowTasks(
        new ClaimRequest(queue, "w1", 7, 10, now, LEASE, Duration.ZERO));
  }

  /** Claims up to ten activity tasks of {@code queue} at {@code now}. */
  protected final List<ActivityTaskState> claimActivities(String queue, Instant now) {
    return store.claimActivityTasks(
        new ClaimRequest(queue, "w1", 7, 10, now, LEASE, Duration.ZERO));
  }

  /** Starts a run with a workflow task and an activity task, both on {@code queue}. */
  protected final void startRunWithTasks(String runId, String queue) {
    startRun(runId);
    commitOk(
        new Write.EnsureWorkflowTask(runId, queue, T0),
        activity(runId, 1).taskQueue(queue).insert());
  }
}
