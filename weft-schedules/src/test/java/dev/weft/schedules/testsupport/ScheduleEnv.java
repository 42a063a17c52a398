package dev.weft.schedules.testsupport;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.engine.WeftEngine;
import dev.weft.schedules.ScheduleDefinition;
import dev.weft.schedules.Schedules;
import dev.weft.schedules.TriggerAction;
import dev.weft.testing.WeftTestEnvironment;
import dev.weft.testsupport.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A test engine with stepped time on a store of {@link TestStore} in a directory (the same
 * directory opens the same store again, as after a restart), serving {@link Job}, with {@link
 * Schedules} of the given definitions created.
 */
public final class ScheduleEnv implements AutoCloseable {
  private final WeftTestEnvironment env;
  private final Schedules schedules;

  private ScheduleEnv(
      TestStore store,
      Path dir,
      Instant start,
      Consumer<WeftEngine> workers,
      List<ScheduleDefinition> defs) {
    env =
        WeftTestEnvironment.create(
            WeftTestEnvironment.options()
                .timeSkipping(false)
                .startTime(start)
                // closed runs are kept for the assertions on a year of runs
                .engine(
                    b ->
                        b.store(store.open(dir.resolve("store")))
                            .retention(Duration.ofDays(3650))));
    env.newWorker(Job.QUEUE).registerWorkflow(Job.class, SleepingJob::new);
    workers.accept(env.engine());
    Schedules.Builder builder = Schedules.builder(env.engine());
    defs.forEach(builder::schedule);
    schedules = builder.build();
    env.start();
    schedules.ensureStarted();
    env.awaitIdle();
  }

  /** Starts an engine at {@code start} on the store {@code dir} names, with these schedules. */
  public static ScheduleEnv start(
      TestStore store, Path dir, Instant start, ScheduleDefinition... defs) {
    return new ScheduleEnv(store, dir, start, engine -> {}, List.of(defs));
  }

  /**
   * As {@link #start(TestStore, Path, Instant, ScheduleDefinition...)}, with {@code workers}
   * registering the test's own workers (its assets) before the engine starts.
   */
  public static ScheduleEnv start(
      TestStore store,
      Path dir,
      Instant start,
      Consumer<WeftEngine> workers,
      ScheduleDefinition... defs) {
    return new ScheduleEnv(store, dir, start, workers, List.of(defs));
  }

  /** The action of a job of {@code minutes}. */
  public static TriggerAction job(int minutes) {
    return TriggerAction.StartWorkflow.of(Job.TYPE, Job.QUEUE, IntNode.valueOf(minutes));
  }

  /** Returns the schedules. */
  public Schedules schedules() {
    return schedules;
  }

  /** Returns the test environment. */
  public WeftTestEnvironment env() {
    return env;
  }

  /** Moves time forward, firing every timer at its due time. */
  public void sleep(Duration duration) {
    env.sleep(duration);
  }

  /** Returns every run of {@link Job}, oldest first. */
  public List<WorkflowSummary> jobs() {
    List<WorkflowSummary> runs = new ArrayList<>();
    WorkflowFilter filter = WorkflowFilter.all().withType(Job.TYPE).withPageSize(1000);
    WorkflowPage page = env.client().listWorkflows(filter);
    while (true) {
      runs.addAll(page.workflows());
      if (page.nextPageToken() == null) {
        break;
      }
      page = env.client().listWorkflows(filter.pageToken(page.nextPageToken()));
    }
    runs.sort(Comparator.comparing(WorkflowSummary::startTime));
    return runs;
  }

  /** Returns the workflow IDs of every run of {@link Job}, oldest first. */
  public List<String> jobIds() {
    return jobs().stream().map(WorkflowSummary::workflowId).toList();
  }

  @Override
  public void close() {
    env.close();
  }
}
