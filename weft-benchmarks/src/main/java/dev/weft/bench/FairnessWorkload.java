package dev.weft.bench;

import dev.weft.activity.ActivityInterface;
import dev.weft.activity.ActivityOptions;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.common.Priority;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.WorkerOptions;
import dev.weft.workflow.ActivityStub;
import dev.weft.workflow.Promise;
import dev.weft.workflow.Workflow;
import dev.weft.workflow.WorkflowInterface;
import dev.weft.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A noisy fairness key with a large backlog and a quiet key with one task at a time: how long the
 * quiet key's tasks wait to start while the noisy backlog is queued. The noisy key's activities
 * hold a worker slot for {@value #HOLD_MILLIS} ms each, so the queue stays backlogged for the whole
 * measurement; a queue served first-come-first-served would make every quiet task wait for the
 * whole backlog.
 */
final class FairnessWorkload implements Workload {
  static final String QUEUE = "fair";
  static final int SLOTS = 50;
  static final long HOLD_MILLIS = 20;
  static final int NOISY_PER_WORKFLOW = 1_000;
  static final long PROBE_INTERVAL_MILLIS = 10;
  static final AtomicLong HOLDS_STARTED = new AtomicLong();
  static final AtomicLong HOLDS_DONE = new AtomicLong();

  /** The activities: a noisy one that holds its slot, and the quiet probe that reports its wait. */
  @ActivityInterface
  public interface FairActivities {
    /** Holds a worker slot for a while (a noisy tenant's work). */
    void hold();

    /** Returns how long ago, in milliseconds, the workflow scheduled this probe. */
    long probe(long scheduledAtMillis);
  }

  /** The implementation. */
  public static final class Activities implements FairActivities {
    @Override
    public void hold() {
      HOLDS_STARTED.incrementAndGet();
      try {
        Thread.sleep(HOLD_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        HOLDS_DONE.incrementAndGet();
      }
    }

    @Override
    public long probe(long scheduledAtMillis) {
      return System.currentTimeMillis() - scheduledAtMillis;
    }
  }

  @WorkflowInterface
  public interface Noisy {
    @WorkflowMethod
    int run(int activities);
  }

  /** Queues {@code activities} holds under the key "noisy" at once and awaits them. */
  public static final class NoisyWorkflow implements Noisy {
    @Override
    public int run(int activities) {
      ActivityStub stub =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofMinutes(30))
                  .priority(Priority.fairnessKey("noisy"))
                  .build());
      List<Promise<Void>> all = new ArrayList<>(activities);
      for (int i = 0; i < activities; i++) {
        all.add(stub.executeAsync("Hold", Void.class));
      }
      Promise.allOf(all).get();
      return activities;
    }
  }

  @WorkflowInterface
  public interface Quiet {
    @WorkflowMethod
    long run();
  }

  /** Runs one probe under the key "quiet" and returns how long it waited. */
  public static final class QuietWorkflow implements Quiet {
    @Override
    public long run() {
      ActivityStub stub =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder()
                  .startToCloseTimeout(Duration.ofMinutes(5))
                  .priority(Priority.fairnessKey("quiet"))
                  .build());
      return stub.execute("Probe", Long.class, Workflow.now().toEpochMilli());
    }
  }

  @Override
  public String name() {
    return "fairness";
  }

  @Override
  public String description() {
    return "a quiet key's wait while a noisy key has a backlog (--activities noisy tasks,"
        + " --workflows quiet probes)";
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    return Optional.of(options.scaledDown(10, 500, 100_000, 1));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int noisy = options.activities(100_000);
    int probes = options.workflows(500);
    HOLDS_STARTED.set(0);
    HOLDS_DONE.set(0);
    WorkerOptions worker = WorkerOptions.newBuilder().activitySlots(SLOTS).build();
    try (WeftEngine engine =
        env.startEngine(
            e ->
                e.newWorker(QUEUE, worker)
                    .registerWorkflow(Noisy.class, NoisyWorkflow::new)
                    .registerWorkflow(Quiet.class, QuietWorkflow::new)
                    .registerActivities(new Activities()))) {
      WorkflowOptions on = WorkflowOptions.newBuilder().taskQueue(QUEUE).build();
      long queueStart = System.nanoTime();
      for (int left = noisy; left > 0; left -= NOISY_PER_WORKFLOW) {
        engine.client().start("Noisy", on, Math.min(left, NOISY_PER_WORKFLOW));
      }
      // wait until the whole backlog is queued (finished tasks leave the table)
      long scheduled;
      while ((scheduled = engine.store().stats().activityTasks() + HOLDS_DONE.get()) < noisy) {
        Thread.sleep(50);
      }
      double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
      long queuedAtStart = noisy - HOLDS_STARTED.get();
      env.say(
          "queued "
              + scheduled
              + " noisy tasks in "
              + String.format("%.1f", queueSeconds)
              + " s; "
              + queuedAtStart
              + " still waiting; probing with "
              + probes
              + " quiet tasks");

      List<WorkflowHandle<Object>> handles = new ArrayList<>(probes);
      long measureStart = System.nanoTime();
      for (int i = 0; i < probes; i++) {
        handles.add(engine.client().start("Quiet", on));
        Thread.sleep(PROBE_INTERVAL_MILLIS);
      }
      long[] waits = new long[probes];
      for (int i = 0; i < probes; i++) {
        waits[i] = handles.get(i).getResult(Long.class) * 1_000_000L;
      }
      double measureSeconds = (System.nanoTime() - measureStart) / 1e9;
      long queuedAtEnd = noisy - HOLDS_STARTED.get();
      if (queuedAtEnd <= 0) {
        env.say(
            "warning: the noisy backlog ran out during the measurement; the waits do not show"
                + " fairness under a backlog: run with more --activities");
      }
      return new Figures()
          .put("noisy_tasks", noisy)
          .put("noisy_queued_at_start", queuedAtStart)
          .put("noisy_queued_at_end", Math.max(0, queuedAtEnd))
          .put("noisy_per_s", (queuedAtStart - queuedAtEnd) / measureSeconds)
          .put("quiet_tasks", probes)
          .put("quiet_wait_p50_ms", Figures.percentileMillis(waits, 50))
          .put("quiet_wait_p99_ms", Figures.percentileMillis(waits, 99))
          .put("quiet_wait_max_ms", Figures.percentileMillis(waits, 100))
          .put("queue_backlog_s", queueSeconds);
    }
  }
}
