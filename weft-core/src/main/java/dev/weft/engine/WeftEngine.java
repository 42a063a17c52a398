package dev.weft.engine;

import dev.weft.client.WeftClient;
import dev.weft.common.SearchAttributeType;
import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.converter.PayloadCodec;
import dev.weft.internal.assembly.EngineAssembly;
import dev.weft.internal.assembly.EngineSettings;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Weft engine: workers for task queues, background timers and timeouts, and a client,
 * over one {@link Store}. The engine owns the store and closes it.
 *
 * <pre>{@code
 * WeftEngine engine = WeftEngine.builder()
 *     .store(SqliteStore.open(Path.of("weft.db")))
 *     .build();
 * engine.newWorker("orders")
 *     .registerWorkflow(OrderWorkflow.class, OrderSaga::new)
 *     .registerActivities(new LedgerPayments(ledger));
 * engine.start();
 * WeftClient client = engine.client();
 * ...
 * engine.close();
 * }</pre>
 *
 * <p>Thread-safe. Register workers before {@link #start()}.
 */
public final class WeftEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WeftEngine.class);

  private enum State {
    NEW,
    STARTED,
    CLOSED
  }

  private final Store store;
  private final WeftClock clock;
  private final String namespace;
  private final EngineAssembly assembly;
  private final Duration shutdownTimeout;
  private final SearchAttributeCatalog searchAttributes;
  private final ReentrantLock lock = new ReentrantLock();
  private State state = State.NEW;
  private final List<EngineService> services = new java.util.concurrent.CopyOnWriteArrayList<>();

  private WeftEngine(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.namespace = b.namespace;
    this.assembly =
        new EngineAssembly(
            new EngineSettings(
                b.store,
                b.clock,
                b.namespace,
                b.nodeId,
                b.dataConverter,
                b.payloadCodec,
                b.maxPayloadBytes,
                b.cacheSize,
                b.deadlockTimeout,
                b.workflowTaskLease,
                b.safetyPoll,
                b.stickyWait,
                b.retention,
                b.retentionSweepInterval,
                b.searchAttributes,
                b.historyLimits,
                b.stallWarningAfter,
                b.meterRegistry));
    this.shutdownTimeout = b.shutdownTimeout;
    this.searchAttributes = b.searchAttributes;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a worker for a task queue with default options; register on it before start. */
  public Worker newWorker(String taskQueue) {
    return newWorker(taskQueue, WorkerOptions.DEFAULTS);
  }

  /**
   * Returns a worker for a task queue; register on it before start.
   *
   * @throws IllegalStateException if the engine started, or the queue has a worker already
   */
  public Worker newWorker(String taskQueue, WorkerOptions options) {
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("task queue name is required");
    }
    lock.lock();
    try {
      if (state != State.NEW) {
        throw new IllegalStateException("add workers before WeftEngine.start()");
      }
      return new Worker(assembly.registry().queue(taskQueue, options));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts the workers and background loops (timers and timeouts, retention), after creating the
   * engine's namespace in the store's catalog if it is missing (with {@link Builder#retention}). On
   * a store with exclusive access, leases left by a previous process are ended first, so its
   * unfinished work resumes at once.
   */
  public void start() {
    lock.lock();
    try {
      if (state != State.NEW) {
        throw new IllegalStateException("engine is " + state + "; start() may be called once");
      }
      // leases of a previous process of this store (exclusive access) or of this node ID (a
      // node restarting under its name) are dead: their work resumes now, not when they run out
      int ended = assembly.endLeftoverLeases();
      if (ended > 0) {
        log.info("resumed {} task(s) left running by a previous process", ended);
      }
      assembly.startWorkers();
      state = State.STARTED;
      services.forEach(EngineService::start);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the namespace this engine's {@link #client()} serves ({@code default} unless set). */
  public String namespace() {
    return namespace;
  }

  /**
   * Returns the clock the engine runs on ({@link Builder#clock}), so that libraries built on the
   * engine (the asset catalog) stamp their records with the time its timers and tasks see: a
   * catalog on the system clock beside an engine on a test clock schedules its wake-ups at a time
   * that clock never reaches.
   */
  public WeftClock clock() {
    return clock;
  }

  /** Returns the client of this engine's namespace ({@link Builder#namespace}). */
  public WeftClient client() {
    return assembly.client();
  }

  /**
   * Adds a service that runs with the engine: started after the workers when the engine starts (at
   * once if it runs), closed before they stop, in reverse order of adding. For features built on
   * the engine that keep a thread of their own (declarative automation's evaluator).
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public void addService(EngineService service) {
    java.util.Objects.requireNonNull(service, "service");
    lock.lock();
    try {
      if (state == State.CLOSED) {
        throw new IllegalStateException("engine is closed; cannot add service " + service);
      }
      services.add(service);
      if (state == State.STARTED) {
        service.start();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts a workflow in this engine's namespace and commits the writes {@code alongWith} returns
   * for the new run's ID in the same store transaction: both happen or neither. For features that
   * keep rows of their own that must change exactly when a run starts (declarative automation's
   * cursor and evaluation record): a conditional write among {@code alongWith} that does not hold
   * refuses the start. There is no Temporal equivalent; remote clients cannot do this (it needs the
   * store).
   *
   * <pre>{@code
   * Optional<String> runId = engine.startWithWrites(
   *     "Report", WorkflowOptions.newBuilder().taskQueue("reports").workflowId("report:42").build(),
   *     runId -> List.of(new RecordMyCursor(runId, ...)), input);
   * }</pre>
   *
   * @param alongWith given the new run's ID, the writes of the store (core or an installed
   *     extension's) to commit with the start; called once, on the calling thread
   * @return the new run's ID, or empty if a write of {@code alongWith} conflicted (nothing written)
   * @throws dev.weft.failure.WorkflowAlreadyStartedException if the workflow ID reuse or conflict
   *     policy refuses the start (nothing written)
   * @throws dev.weft.failure.UnknownWorkflowTypeException if this node serves the queue but not the
   *     type
   */
  public java.util.Optional<String> startWithWrites(
      String workflowType,
      dev.weft.client.WorkflowOptions options,
      java.util.function.Function<String, List<dev.weft.store.Write>> alongWith,
      Object... args) {
    return assembly
        .embeddedClient()
        .startWithWrites(workflowType, options, alongWith, args == null ? new Object[0] : args);
  }

  /**
   * Returns the hook for activity workers outside the engine (other processes and languages, the
   * HTTP API's remote workers): they poll activity attempts from a task queue and report their
   * outcomes by task token under the same leases, fencing and retries as this engine's workers.
   *
   * <pre>{@code
   * engine.remoteActivities()
   *     .poll("greetings", "worker-1", Set.of("Format"), Duration.ofSeconds(30))
   *     .ifPresent(task -> engine.remoteActivities().complete(task.taskToken(), result));
   * }</pre>
   *
   * @throws IllegalStateException before {@link #start()} (a poll would not be woken) or after
   *     {@link #close()}
   */
  public RemoteActivities remoteActivities() {
    requireStarted();
    return assembly.remoteActivities();
  }

  /**
   * Describes a task queue: its backlog of workflow and activity tasks and the age of its oldest
   * waiting task (from the store, so all nodes' tasks), whether it is paused, and the pollers that
   * polled it on this node in the last five minutes (this engine's own and remote workers).
   *
   * @throws dev.weft.store.UnknownTaskQueueException if no worker registered or polled the queue
   * @throws IllegalStateException before {@link #start()} or after {@link #close()}
   */
  public TaskQueueDescription describeTaskQueue(String taskQueue) {
    requireStarted();
    if (taskQueue == null || taskQueue.isBlank()) {
      throw new IllegalArgumentException("task queue name is required");
    }
    return assembly.describeTaskQueue(taskQueue);
  }

  /**
   * Returns the search attributes registered on this engine ({@link
   * Builder#registerSearchAttribute}) and their types, in name order, as Temporal's {@code
   * ListSearchAttributes} does for custom attributes. Unmodifiable; thread-safe.
   */
  public Map<String, SearchAttributeType> searchAttributeTypes() {
    return java.util.Collections.unmodifiableMap(searchAttributes.types());
  }

  /**
   * Describes every task queue known to the store, by name: those a worker registered or polled and
   * those holding waiting tasks, each as {@link #describeTaskQueue} would (the backlogs come from
   * one read of the store, the pollers from this node's memory).
   *
   * @throws IllegalStateException before {@link #start()} or after {@link #close()}
   */
  public List<TaskQueueDescription> listTaskQueues() {
    requireStarted();
    return assembly.listTaskQueues();
  }

  /**
   * Lists the engine nodes of the store, by node ID: each engine records itself (node ID, host,
   * process ID, start time, Weft version, the queues its workers serve) when it starts and then
   * every {@link EngineNode#HEARTBEAT_INTERVAL}; {@link EngineNode#live()} says whether its last
   * heartbeat is recent. A node silent for {@link EngineNode#FORGOTTEN_AFTER} is deleted. Empty on
   * a store without the engine-nodes extension.
   *
   * @throws IllegalStateException before {@link #start()} or after {@link #close()}
   */
  public List<EngineNode> listNodes() {
    requireStarted();
    return assembly.listNodes();
  }

  private void requireStarted() {
    lock.lock();
    try {
      if (state != State.STARTED) {
        throw new IllegalStateException("the engine is " + state + "; start() it first");
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns a client for another namespace of the store's catalog: its starts, listings, counts and
   * handles are all in that namespace, while its runs execute on the same workers as every other
   * namespace's (task queues are shared by all namespaces). The client is made once per namespace
   * and cached; the engine's own namespace gives {@link #client()}.
   *
   * <pre>{@code
   * engine.namespaces().create(new NamespaceConfig("payments"));
   * WeftClient payments = engine.client("payments");
   * OrderWorkflow order = payments.newWorkflowStub(OrderWorkflow.class, options);
   * payments.start(order::process, input);
   * }</pre>
   *
   * @throws dev.weft.failure.NamespaceNotFoundException if the catalog has no such namespace
   */
  public WeftClient client(String namespace) {
    return assembly.client(namespace);
  }

  /**
   * Returns the namespace catalog of the engine's store: create, describe, update and list
   * namespaces. The engine's own namespace is created by {@link #start()} if it is missing.
   * Thread-safe; usable before {@link #start()}.
   */
  public Namespaces namespaces() {
    return assembly.namespaces();
  }

  /**
   * Returns the store this engine runs on: the one given to {@link Builder#store}, which the engine
   * owns and closes. For tools and tests that read the store directly (statistics, listings);
   * writing to it bypasses the engine and can break its runs.
   */
  public Store store() {
    return store;
  }

  /**
   * Returns what the engine has in progress, for testing kits that move time (weft-testing's
   * time-skipping environment). Applications do not need it. Thread-safe; valid before {@link
   * #start()} and after {@link #close()}.
   */
  public WorkInProgress workInProgress() {
    return assembly.workInProgress();
  }

  /**
   * Stops the workers (waiting up to the shutdown timeout for running tasks), unwinds cached runs,
   * and closes the store. Work that did not finish resumes when an engine opens the store again.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (state == State.CLOSED) {
        return;
      }
      if (state == State.STARTED) {
        for (EngineService service : services.reversed()) {
          try {
            service.close();
          } catch (RuntimeException e) {
            log.warn("engine service {} failed to close; closing the engine anyway", service, e);
          }
        }
      }
      assembly.close(shutdownTimeout);
      state = State.CLOSED;
    } finally {
      lock.unlock();
    }
  }

  /** Configures a {@link WeftEngine}. */
  public static final class Builder {
    private Store store;
    private WeftClock clock = WeftClock.system();
    private String namespace = "default";
    private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private DataConverter dataConverter = new JacksonDataConverter();
    private PayloadCodec payloadCodec;
    private long maxPayloadBytes = 2L * 1024 * 1024;
    private int cacheSize = 10_000;
    private Duration deadlockTimeout = Duration.ofSeconds(2);
    private Duration workflowTaskLease = Duration.ofSeconds(10);
    private Duration safetyPoll = Duration.ofSeconds(1);
    private Duration stickyWait = Duration.ofSeconds(5);
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    private Duration retention = Duration.ofDays(30);
    private Duration retentionSweepInterval = Duration.ofHours(1);
    private final SearchAttributeCatalog searchAttributes = new SearchAttributeCatalog();
    private HistoryLimits historyLimits = HistoryLimits.DEFAULTS;
    private Duration stallWarningAfter = Duration.ofMinutes(1);
    private MeterRegistry meterRegistry;

    private Builder() {}

    /**
     * Sets how long a task may wait with no worker to take it before the engine says so (default 1
     * minute): an activity or workflow task on a queue, or of a type, that no worker of this engine
     * serves and that no worker of any engine on the store has claimed for this long. The engine
     * then logs a warning once per queue, type and kind, shows the reason in describe ({@link
     * dev.weft.client.PendingActivity#stallReason()}, {@link
     * dev.weft.client.WorkflowDescription#workflowTaskStallReason()}), and counts the task in the
     * gauge {@code weft.tasks.stalled{queue,type,kind}} if a {@link #meterRegistry} is set. An
     * engine knows its own workers only (the store keeps no record of pollers), so it reports the
     * tasks it created for queues it does not serve, and only once they waited this long unclaimed.
     *
     * <pre>{@code
     * WeftEngine.builder().store(store).stallWarningAfter(Duration.ofSeconds(30)).build();
     * }</pre>
     *
     * @throws IllegalArgumentException at {@link #build()} if it is not positive
     */
    public Builder stallWarningAfter(Duration stallWarningAfter) {
      this.stallWarningAfter = stallWarningAfter;
      return this;
    }

    /**
     * Sets the Micrometer registry for the engine's metrics (default none: no metric is kept, and
     * the step paths measure nothing). Names are Micrometer's dotted names; a Prometheus registry
     * renders them as in brackets. Tags: {@code workflow_type}, {@code activity_type}, {@code
     * task_queue}, {@code status} (lower case: completed, failed, canceled, terminated, timed_out,
     * continued_as_new), {@code kind} (workflow, activity).
     *
     * <ul>
     *   <li>{@code weft.workflow.started{workflow_type}} [weft_workflow_started_total]: runs
     *       started by this engine (client starts, children, continue-as-new, workflow retries; not
     *       resets or imports)
     *   <li>{@code weft.workflow.closed{workflow_type,status}} [weft_workflow_closed_total]
     *   <li>{@code weft.workflow.task.latency{workflow_type}} [weft_workflow_task_latency_seconds]:
     *       a workflow task from taking its run to its commit
     *   <li>{@code weft.activity.schedule.to.start{activity_type,task_queue}}
     *       [weft_activity_schedule_to_start_seconds]: from claimable (scheduled, or a retry's
     *       backoff over) to the attempt's start
     *   <li>{@code weft.activity.execution{activity_type,task_queue}}
     *       [weft_activity_execution_seconds]: an attempt's code, from call to return or throw
     *   <li>{@code weft.timer.lateness} [weft_timer_lateness_seconds]: fire time minus due time
     *   <li>{@code weft.nondeterminism.errors{workflow_type}} [weft_nondeterminism_errors_total]:
     *       workflow task attempts failed because the code no longer matches history
     *   <li>{@code weft.task.queue.backlog{task_queue,kind}} [weft_task_queue_backlog] and {@code
     *       weft.task.queue.oldest.age{task_queue,kind}} [weft_task_queue_oldest_age_seconds]:
     *       claimable, unclaimed tasks and the oldest one's wait, read from the store at most every
     *       5 seconds when a gauge is read (for every queue this engine serves and every queue
     *       found waiting)
     *   <li>{@code weft.store.commit} [weft_store_commit_seconds] and {@code
     *       weft.store.commit.group.size} [weft_store_commit_group_size]: the store's writer
     *       transactions and the units of work each carried (group commit)
     *   <li>{@code weft.tasks.stalled{queue,type,kind}} [weft_tasks_stalled]: the tasks waiting
     *       with no worker to take them (see {@link #stallWarningAfter})
     * </ul>
     *
     * <pre>{@code
     * PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
     * WeftEngine engine = WeftEngine.builder().store(store).meterRegistry(prometheus).build();
     * }</pre>
     */
    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = meterRegistry;
      return this;
    }

    /**
     * Sets how long a run's history may grow (default {@link HistoryLimits#DEFAULTS}, Temporal's
     * limits): past the warning limits a run is flagged in describe and the logs; a workflow task
     * that would pass the hard limits terminates the run.
     */
    public Builder historyLimits(HistoryLimits limits) {
      if (limits == null) {
        throw new IllegalArgumentException("historyLimits must not be null");
      }
      this.historyLimits = limits;
      return this;
    }

    /**
     * Registers a custom search attribute: runs can then be given it at start ({@code
     * WorkflowOptions.searchAttribute}) or upsert it ({@code Workflow.upsertSearchAttributes}), and
     * lists can filter and sort on it ({@code WorkflowFilter.withQuery}). Engines sharing a store
     * should register the same attributes.
     *
     * @throws IllegalArgumentException if the name is blank, holds a backquote, is a built-in field
     *     ({@code WorkflowId}, {@code Status}...), or is registered already with another type
     */
    public Builder registerSearchAttribute(String name, SearchAttributeType type) {
      searchAttributes.register(name, type);
      return this;
    }

    /** Sets the store (required). The engine closes it. */
    public Builder store(Store store) {
      this.store = store;
      return this;
    }

    /** Sets the clock (default: the system clock). */
    public Builder clock(WeftClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the engine's namespace (default {@code default}): the namespace of {@link
     * WeftEngine#client()}, created in the store's catalog when the engine starts if it is missing.
     * Its workers run the workflows of every namespace.
     *
     * @throws IllegalArgumentException at {@link #build()} unless it is 1 to 64 characters of
     *     {@code A-Z a-z 0-9 . _ -}
     */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** Sets this engine's identity in leases and history (default: a random one). */
    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    /** Sets the converter of values to payloads (default: JSON with Jackson). */
    public Builder dataConverter(DataConverter dataConverter) {
      this.dataConverter = Objects.requireNonNull(dataConverter, "dataConverter");
      return this;
    }

    /** Sets a codec for payload bytes (compression, encryption); default none. */
    public Builder payloadCodec(PayloadCodec payloadCodec) {
      this.payloadCodec = payloadCodec;
      return this;
    }

    /** Sets the largest accepted payload in bytes (default 2 MiB). */
    public Builder maxPayloadBytes(long maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** Sets how many runs the sticky cache keeps in memory (default 10,000). */
    public Builder cacheSize(int cacheSize) {
      this.cacheSize = cacheSize;
      return this;
    }

    /** Sets how long workflow code may run without yielding before its task fails (default 2 s). */
    public Builder deadlockTimeout(Duration deadlockTimeout) {
      this.deadlockTimeout = deadlockTimeout;
      return this;
    }

    /** Sets how long a claimed workflow task stays leased (default 10 s). */
    public Builder workflowTaskLease(Duration workflowTaskLease) {
      this.workflowTaskLease = workflowTaskLease;
      return this;
    }

    /** Sets how often idle loops look at the store without a notification (default 1 s). */
    public Builder safetyPoll(Duration safetyPoll) {
      this.safetyPoll = safetyPoll;
      return this;
    }

    /**
     * Sets how long a workflow task waits for the node that has its run in cache before any node
     * may take it (default 5 s, like Temporal's sticky schedule-to-start timeout). Only stores that
     * several processes share use it: a run keeps going where its state is warm, and moves to
     * another node when its node is gone or busy for this long.
     */
    public Builder stickyWait(Duration stickyWait) {
      this.stickyWait = stickyWait;
      return this;
    }

    /** Sets how long {@link WeftEngine#close()} waits for running tasks (default 10 s). */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /**
     * Sets the retention period the engine's namespace is created with (default 30 days), when the
     * engine starts and the store's catalog does not hold the namespace yet; once it exists, its
     * stored retention applies (change it with {@link Namespaces#update}). A run that closed longer
     * ago than its namespace's retention is deleted, with its history, search attributes and memo,
     * at the next retention sweep ({@link #retentionSweepInterval}); running runs are never
     * deleted. Deleted runs are unknown to the client afterwards (describe, history, results and
     * listings), and their workflow IDs can be started again.
     */
    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    /**
     * Sets how often the engine looks for runs whose retention has expired (default 1 hour), by the
     * engine's clock; it also looks once shortly after {@link WeftEngine#start()}. Runs are deleted
     * in small transactions with pauses between them, so that workflow steps are not held up.
     */
    public Builder retentionSweepInterval(Duration retentionSweepInterval) {
      this.retentionSweepInterval = retentionSweepInterval;
      return this;
    }

    /**
     * Returns the engine (not started).
     *
     * @throws IllegalArgumentException naming a missing or invalid setting
     * @throws dev.weft.store.StoreException if the store lacks a store extension the engine needs
     *     (update outcomes, {@code dev.weft.store.updates.UpdateOutcomes}), naming it
     */
    public WeftEngine build() {
      if (store == null) {
        throw new IllegalArgumentException(
            "WeftEngine needs a store, e.g. .store(SqliteStore.open(Path.of(\"weft.db\")))");
      }
      requirePositive("cacheSize", cacheSize);
      requirePositive("maxPayloadBytes", maxPayloadBytes);
      requirePositive("deadlockTimeout", deadlockTimeout);
      requirePositive("workflowTaskLease", workflowTaskLease);
      requirePositive("safetyPoll", safetyPoll);
      requirePositive("stickyWait", stickyWait);
      requirePositive("shutdownTimeout", shutdownTimeout);
      requirePositive("retention", retention);
      requirePositive("retentionSweepInterval", retentionSweepInterval);
      requirePositive("stallWarningAfter", stallWarningAfter);
      NamespaceConfig.requireValidName(namespace);
      if (nodeId == null || nodeId.isBlank()) {
        throw new IllegalArgumentException("nodeId must not be blank");
      }
      return new WeftEngine(this);
    }

    private static void requirePositive(String name, long value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
    }

    private static void requirePositive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
      }
    }
  }
}
