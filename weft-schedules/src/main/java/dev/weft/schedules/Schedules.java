package dev.weft.schedules;

import dev.weft.client.WeftClient;
import dev.weft.client.WorkflowFilter;
import dev.weft.client.WorkflowHandle;
import dev.weft.client.WorkflowOptions;
import dev.weft.client.WorkflowPage;
import dev.weft.client.WorkflowSummary;
import dev.weft.common.WorkflowStatus;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.failure.WorkflowNotFoundException;
import dev.weft.failure.WorkflowNotRunningException;
import dev.weft.schedules.internal.RunControl;
import dev.weft.schedules.internal.ScheduleRun;
import dev.weft.schedules.internal.ScheduleState;
import dev.weft.schedules.internal.ScheduleWorkflow;
import dev.weft.schedules.internal.TriggerWorkers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Schedules of an engine: each one a built-in workflow {@code __weft_schedule:<id>} that fires its
 * action on durable timers, exactly once per nominal fire time (see the package description).
 *
 * <pre>{@code
 * Schedules schedules = Schedules.builder(engine)
 *     .schedule(ScheduleDefinition.of("nightly-report",
 *         ScheduleSpec.cron("0 2 * * *").inZone("Europe/Paris"),
 *         TriggerAction.StartWorkflow.of("Report", "reports")))
 *     .build();                 // registers the schedule workflow; before engine.start()
 * engine.start();
 * schedules.ensureStarted();    // creates the code's schedules, updates changed ones
 * schedules.pause("nightly-report", "warehouse migration");
 * }</pre>
 *
 * <p>Thread-safe. Every method that names a schedule throws {@link ScheduleNotFoundException} if
 * there is none with that ID.
 */
public final class Schedules {
  private final WeftClient client;
  private final Map<String, ScheduleDefinition> defined;

  private Schedules(WeftClient client, Map<String, ScheduleDefinition> defined) {
    this.client = client;
    this.defined = Map.copyOf(defined);
  }

  /** Returns a builder of the schedules of {@code engine}; build it before the engine starts. */
  public static Builder builder(WeftEngine engine) {
    return new Builder(engine);
  }

  /**
   * Creates each schedule defined in code that does not run yet, and updates each one whose
   * definition changed in code (keeping its paused state and note, which operators set); an
   * unchanged one is left alone. Call it after {@code engine.start()}.
   */
  public void ensureStarted() {
    for (ScheduleDefinition definition : defined.values()) {
      try {
        start(definition);
      } catch (WorkflowAlreadyStartedException e) {
        ScheduleDefinition current = describe(definition.id(), 0).definition();
        ScheduleDefinition wanted = definition.withPaused(current.paused(), current.note());
        if (!wanted.equals(current)) {
          update(wanted);
        }
      }
    }
  }

  /**
   * Creates and starts a schedule.
   *
   * @throws ScheduleAlreadyExistsException if a schedule with its ID runs (nothing is changed)
   */
  public void create(ScheduleDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    try {
      start(definition);
    } catch (WorkflowAlreadyStartedException e) {
      throw new ScheduleAlreadyExistsException(definition.id());
    }
  }

  private void start(ScheduleDefinition definition) {
    client.start(
        ScheduleWorkflow.TYPE,
        WorkflowOptions.newBuilder()
            .workflowId(ScheduleWorkflow.workflowId(definition.id()))
            .taskQueue(TriggerWorkers.TASK_QUEUE)
            .build(),
        ScheduleState.initial(definition));
  }

  /** Replaces a schedule's definition; the firings it already handled stay as they are. */
  public void update(ScheduleDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    signal(definition.id(), "update", definition);
  }

  /** Pauses a schedule: its firings are recorded as skipped with the note. */
  public void pause(String scheduleId, String note) {
    signal(scheduleId, "pause", note);
  }

  /** Unpauses a schedule, with a note (or {@code null}). */
  public void unpause(String scheduleId, String note) {
    signal(scheduleId, "unpause", note);
  }

  /**
   * Fires a schedule now, paused or not, with its overlap policy; the derived workflow ID uses the
   * time the schedule received the request.
   */
  public void trigger(String scheduleId) {
    signal(scheduleId, "trigger");
  }

  /**
   * Fires a schedule at every nominal fire time in {@code (from, to]}, in order, with {@code
   * overlapPolicy} (the schedule's own when {@code null}), paused or not and whatever the catch-up
   * window. A fire time that fired before finds its run and starts nothing.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public void backfill(String scheduleId, Instant from, Instant to, OverlapPolicy overlapPolicy) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "backfill to " + to + " is before from " + from + ": expected from <= to");
    }
    signal(scheduleId, "backfill", from, to, overlapPolicy);
  }

  /** Deletes a schedule: it fires no more; the runs it started go on. */
  public void delete(String scheduleId) {
    signal(scheduleId, "delete");
  }

  /** Describes a schedule with its next 10 fire times. */
  public ScheduleDescription describe(String scheduleId) {
    return describe(scheduleId, 10);
  }

  /** Describes a schedule with its next {@code n} fire times. */
  public ScheduleDescription describe(String scheduleId, int n) {
    WorkflowHandle<Object> handle = running(scheduleId);
    try {
      return handle.query("describe", ScheduleDescription.class, n);
    } catch (WorkflowNotFoundException | WorkflowNotRunningException e) {
      throw new ScheduleNotFoundException(scheduleId);
    }
  }

  /** Returns a schedule's next {@code n} nominal fire times. */
  public List<Instant> nextFireTimes(String scheduleId, int n) {
    return describe(scheduleId, n).nextFireTimes();
  }

  /** Returns the IDs of the schedules (their running workflows), sorted. */
  public List<String> list() {
    List<String> ids = new ArrayList<>();
    WorkflowFilter filter =
        WorkflowFilter.all().withStatus(WorkflowStatus.RUNNING).withType(ScheduleWorkflow.TYPE);
    WorkflowPage page = client.listWorkflows(filter);
    while (true) {
      for (WorkflowSummary summary : page.workflows()) {
        ids.add(summary.workflowId().substring(ScheduleWorkflow.WORKFLOW_ID_PREFIX.length()));
      }
      if (page.nextPageToken() == null) {
        break;
      }
      page = client.listWorkflows(filter.pageToken(page.nextPageToken()));
    }
    return ids.stream().sorted().toList();
  }

  private void signal(String scheduleId, String signal, Object... args) {
    try {
      running(scheduleId).signal(signal, args);
    } catch (WorkflowNotFoundException | WorkflowNotRunningException e) {
      throw new ScheduleNotFoundException(scheduleId);
    }
  }

  private WorkflowHandle<Object> running(String scheduleId) {
    Objects.requireNonNull(scheduleId, "scheduleId");
    try {
      WorkflowHandle<Object> handle = client.getHandle(ScheduleWorkflow.workflowId(scheduleId));
      if (handle.describe().status() != WorkflowStatus.RUNNING) {
        throw new ScheduleNotFoundException(scheduleId);
      }
      return handle;
    } catch (WorkflowNotFoundException e) {
      throw new ScheduleNotFoundException(scheduleId);
    }
  }

  /** Collects the schedules defined in code and registers the schedule workflow. */
  public static final class Builder {
    private final WeftEngine engine;
    private final Map<String, ScheduleDefinition> defined = new LinkedHashMap<>();

    private Builder(WeftEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Adds a schedule defined in code, created or updated by {@link Schedules#ensureStarted()}.
     *
     * @throws IllegalArgumentException if a schedule with its ID was added already
     */
    public Builder schedule(ScheduleDefinition definition) {
      Objects.requireNonNull(definition, "definition");
      if (defined.putIfAbsent(definition.id(), definition) != null) {
        throw new IllegalArgumentException(
            "schedule id '" + definition.id() + "' is defined twice: expected unique IDs");
      }
      return this;
    }

    /**
     * Registers the schedule workflow and its activities on the engine's {@code __weft_schedules}
     * worker and returns the schedules.
     *
     * @throws IllegalStateException if the engine started already
     */
    public Schedules build() {
      TriggerWorkers.register(engine)
          .registerWorkflow(ScheduleWorkflow.class, ScheduleRun::new)
          .registerActivities(new RunControl(engine.client()));
      return new Schedules(engine.client(), defined);
    }
  }
}
