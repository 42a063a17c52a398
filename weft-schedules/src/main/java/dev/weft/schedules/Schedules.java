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
import dev.weft.schedules.internal.NamespacedRunControl;
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
import java.util.WeakHashMap;

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
 * <p>How a schedule behaves (decisions, compared with Temporal's schedules):
 *
 * <ul>
 *   <li>the catch-up window defaults to one minute, as in Temporal: after downtime, a fire time
 *       handled later than the window after it is recorded as SKIPPED ("missed by ..."), the ones
 *       inside it run;
 *   <li>a paused schedule records each fire time as SKIPPED ("paused: note") rather than nothing,
 *       so that a firing that did not happen is visible; trigger and backfill run while paused;
 *   <li>the overlap policy applies to the runs a start or a materialization began (a signal has
 *       none); the schedule learns whether they still run from an activity when a firing needs it,
 *       and every 30 seconds while firings are buffered; under ALLOW_ALL it does not follow them;
 *   <li>the schedule keeps its last 50 firings and continues as new every 100 actions (or when the
 *       engine suggests it), carrying its state;
 *   <li>a definition changed in code replaces the running one at {@link #ensureStarted()}, keeping
 *       the paused state and note operators set.
 * </ul>
 *
 * <p>Thread-safe. Every method that names a schedule throws {@link ScheduleNotFoundException} if
 * there is none with that ID.
 */
public final class Schedules {
  /** The most fire times {@link #describe(String, int)} and {@link #nextFireTimes} return. */
  public static final int MAX_FIRE_TIMES = 1000;

  private final WeftClient client;
  private final Map<String, ScheduleDefinition> defined;

  /**
   * @param defined the definitions in code of the engine's builders (shared by them, guarded by
   *     itself), or an empty map
   */
  private Schedules(WeftClient client, Map<String, ScheduleDefinition> defined) {
    this.client = client;
    this.defined = defined;
  }

  /**
   * Returns schedules managed through {@code client} alone, for a process that does not run them
   * (an API server, a CLI): create, update, pause, describe and the rest reach the schedule
   * workflows that the nodes which built {@link #builder} run. Its {@link #ensureStarted()} does
   * nothing.
   */
  public static Schedules client(WeftClient client) {
    return new Schedules(Objects.requireNonNull(client, "client"), new LinkedHashMap<>());
  }

  /** Returns a builder of the schedules of {@code engine}; build it before the engine starts. */
  public static Builder builder(WeftEngine engine) {
    return new Builder(engine);
  }

  /**
   * Creates each schedule defined in code that does not run yet, and updates each one whose
   * definition changed in code (keeping its paused state and note, which operators set); an
   * unchanged one is left alone. Call it after {@code engine.start()}. The schedules defined in
   * code are those of every builder built on the engine (a node's and an app's), so any of them
   * creates them all.
   */
  public void ensureStarted() {
    List<ScheduleDefinition> definitions;
    synchronized (defined) {
      definitions = List.copyOf(defined.values());
    }
    for (ScheduleDefinition definition : definitions) {
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

  /**
   * Describes a schedule with its next {@code n} fire times.
   *
   * @throws IllegalArgumentException if {@code n} is not in 0..1000
   */
  public ScheduleDescription describe(String scheduleId, int n) {
    if (n < 0 || n > MAX_FIRE_TIMES) {
      throw new IllegalArgumentException(
          "n is " + n + ": expected 0 to " + MAX_FIRE_TIMES + " fire times");
    }
    WorkflowHandle<Object> handle = running(scheduleId);
    try {
      return handle.query("describe", ScheduleDescription.class, n);
    } catch (WorkflowNotFoundException | WorkflowNotRunningException e) {
      throw new ScheduleNotFoundException(scheduleId);
    }
  }

  /**
   * Returns a schedule's next {@code n} nominal fire times.
   *
   * @throws IllegalArgumentException if {@code n} is not in 0..1000
   */
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

  /**
   * Collects the schedules defined in code and registers the schedule workflow. Several builders
   * may build on one engine (the node of {@code weft server} builds one, an app its own): the first
   * registers the schedule workflow, each adds only its definitions.
   */
  public static final class Builder {
    /**
     * The definitions in code of each engine whose schedule workflow is registered, from all its
     * builders; weak, as an engine may be dropped.
     */
    private static final Map<WeftEngine, Map<String, ScheduleDefinition>> ENGINES =
        new WeakHashMap<>();

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
     * worker, unless an earlier builder on this engine did, and returns the schedules of this
     * builder's definitions.
     *
     * @throws IllegalStateException if the engine started already
     * @throws IllegalArgumentException if another builder on the engine defined one of its IDs
     */
    public Schedules build() {
      synchronized (ENGINES) {
        Map<String, ScheduleDefinition> all = ENGINES.get(engine);
        if (all == null) {
          TriggerWorkers.register(engine)
              .registerWorkflow(ScheduleWorkflow.class, ScheduleRun::new)
              .registerActivities(new NamespacedRunControl(engine));
          all = new LinkedHashMap<>();
          ENGINES.put(engine, all);
        }
        synchronized (all) {
          for (String id : defined.keySet()) {
            if (all.containsKey(id)) {
              throw new IllegalArgumentException(
                  "schedule id '" + id + "' is defined twice on this engine: expected unique IDs");
            }
          }
          all.putAll(defined);
        }
        return new Schedules(engine.client(), all);
      }
    }
  }
}
