package dev.weft.internal.assembly;

import dev.weft.client.WeftClient;
import dev.weft.engine.EngineNode;
import dev.weft.engine.Namespaces;
import dev.weft.engine.RemoteActivities;
import dev.weft.engine.TaskQueueDescription;
import dev.weft.engine.WeftClock;
import dev.weft.engine.WorkInProgress;
import dev.weft.engine.WorkerOptions;
import dev.weft.internal.activity.ActivityCompletions;
import dev.weft.internal.activity.ActivityOutcomeGroups;
import dev.weft.internal.activity.ActivityOutcomes;
import dev.weft.internal.activity.ActivityTaskHandler;
import dev.weft.internal.activity.HeartbeatFlushes;
import dev.weft.internal.activity.LocalActivities;
import dev.weft.internal.batch.BatchOperations;
import dev.weft.internal.batch.BatchWorkflow;
import dev.weft.internal.batch.ClientBatchActivities;
import dev.weft.internal.batch.PagedBatchWorkflow;
import dev.weft.internal.client.EmbeddedClient;
import dev.weft.internal.client.FlowControls;
import dev.weft.internal.client.Queries;
import dev.weft.internal.client.Resets;
import dev.weft.internal.client.RunControls;
import dev.weft.internal.client.RunListing;
import dev.weft.internal.client.RunReader;
import dev.weft.internal.client.StartPlans;
import dev.weft.internal.client.Starts;
import dev.weft.internal.client.Updates;
import dev.weft.internal.client.UpdatesWithStart;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.EventRecords;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.engine.BacklogGauges;
import dev.weft.internal.engine.EngineMetrics;
import dev.weft.internal.engine.EngineProgress;
import dev.weft.internal.engine.FlowControlView;
import dev.weft.internal.engine.IdleTracker;
import dev.weft.internal.engine.MillisClock;
import dev.weft.internal.engine.NamespaceCatalog;
import dev.weft.internal.engine.QueueRegistration;
import dev.weft.internal.engine.Registry;
import dev.weft.internal.engine.RunWaiters;
import dev.weft.internal.engine.RunnerFactory;
import dev.weft.internal.engine.StallWatch;
import dev.weft.internal.engine.StoreCommitMeters;
import dev.weft.internal.engine.TaskQueuePollers;
import dev.weft.internal.engine.TimeOrderedIds;
import dev.weft.internal.engine.WorkflowCache;
import dev.weft.internal.retention.RetentionSweeper;
import dev.weft.internal.runtime.WorkflowRunners;
import dev.weft.internal.step.ActivityTasks;
import dev.weft.internal.step.ChildStarts;
import dev.weft.internal.step.ChildWorkflows;
import dev.weft.internal.step.ContinuedRuns;
import dev.weft.internal.step.EagerWorkflowTasks;
import dev.weft.internal.step.ExternalWorkflows;
import dev.weft.internal.step.FirstTaskLeases;
import dev.weft.internal.step.HistoryGrowth;
import dev.weft.internal.step.RunClosures;
import dev.weft.internal.step.RunRebuilds;
import dev.weft.internal.step.RunStarts;
import dev.weft.internal.step.WorkflowRetries;
import dev.weft.internal.step.WorkflowTaskCommit;
import dev.weft.internal.worker.Claims;
import dev.weft.internal.worker.Dispatcher;
import dev.weft.internal.worker.DueTimers;
import dev.weft.internal.worker.DueWorkLoop;
import dev.weft.internal.worker.NodeHeartbeats;
import dev.weft.internal.worker.Pollers;
import dev.weft.internal.worker.RemoteActivityPolls;
import dev.weft.internal.worker.RemotePollWakeups;
import dev.weft.internal.worker.RemoteReports;
import dev.weft.internal.worker.RunTimeouts;
import dev.weft.internal.worker.StallChecks;
import dev.weft.internal.worker.TaskQueueDescriptions;
import dev.weft.internal.worker.Workers;
import dev.weft.internal.worker.WorkflowTaskHandler;
import dev.weft.store.FlowControlChange;
import dev.weft.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one place that builds an engine's objects: every collaborator is made here once and handed to
 * the constructors of the classes that use it, from the bottom layer up (codec, runtime, node
 * state, steps, activities, workers, client). It also starts and stops them in order.
 *
 * <p>Not thread-safe: the engine calls it under its own lock.
 */
public final class EngineAssembly {
  private final Store store;
  private final WeftClock clock;
  private final String nodeId;
  private final Duration safetyPoll;
  private final Registry registry;
  private final IdleTracker idle;
  private final WorkflowCache cache;
  private final RunWaiters waiters;
  private final FlowControlView flowControl;
  private final Dispatcher dispatcher;
  private final ActivityOutcomes activityOutcomes;
  private final WorkflowTaskHandler workflowTasks;
  private final ActivityTaskHandler activityTasks;
  private final HeartbeatFlushes heartbeatFlushes;
  private final StallWatch stallWatch;
  private final StallChecks stallChecks;
  private final DueTimers dueTimers;
  private final Claims claims;
  private final EngineSettings settings;
  private final TimeOrderedIds ids;
  private final EventCodec codec;
  private final EventRecords records;
  private final PayloadConverter payloads;
  private final RunnerFactory runners;
  private final RunStarts starts;
  private final RunClosures closures;
  private final FirstTaskLeases leases;
  private final RunControls controls;
  private final Updates updates;
  private final Queries queries;
  private final ActivityCompletions completions;
  private final FlowControls flowControls;
  private final NamespaceCatalog namespaces;
  private final EngineMetrics metrics;
  private final EmbeddedClient client;
  private final NamespaceClients clients;
  private final RetentionSweeper retention;
  private final NodeHeartbeats nodeHeartbeats;
  private final WorkInProgress progress;
  private final BacklogGauges backlogGauges;
  private final RemotePollWakeups remotePollWakeups;
  private final TaskQueuePollers taskQueuePollers;
  private final RemoteActivityPolls remoteActivities;
  private final TaskQueueDescriptions taskQueueDescriptions;

  /** Set when the engine starts: the pollers are built from the complete registry. */
  private Workers workers;

  public EngineAssembly(EngineSettings settings) {
    this.settings = settings;
    store = settings.store();
    clock = new MillisClock(settings.clock());
    nodeId = settings.nodeId();
    safetyPoll = settings.safetyPoll();
    String namespace = settings.namespace();
    registry = new Registry();
    idle = new IdleTracker();
    cache = new WorkflowCache(settings.cacheSize());
    waiters = new RunWaiters();
    flowControl = new FlowControlView(store, safetyPoll);
    dispatcher = new Dispatcher(registry, idle);
    ids = new TimeOrderedIds(settings.clock());
    codec = EventCodec.shared();
    records = new EventRecords(codec);
    payloads =
        new PayloadConverter(
            settings.dataConverter(), settings.payloadCodec(), settings.maxPayloadBytes());
    runners =
        new RunnerFactory(
            registry,
            new WorkflowRunners(
                payloads,
                registry.activityCheck(),
                settings.deadlockTimeout(),
                new LocalActivities(registry, clock, payloads, nodeId),
                Duration.ofNanos(settings.workflowTaskLease().toNanos() / 2),
                settings.searchAttributes(),
                settings.historyLimits()),
            records);

    stallWatch =
        new StallWatch(
            store, clock, registry, settings.stallWarningAfter(), settings.meterRegistry());
    metrics = EngineMetrics.of(settings.meterRegistry());
    if (settings.meterRegistry() != null) {
      store.addMetrics(new StoreCommitMeters(settings.meterRegistry()));
      backlogGauges = new BacklogGauges(store, clock, settings.meterRegistry());
    } else {
      backlogGauges = null;
    }
    starts = new RunStarts(records, codec, stallWatch);
    WorkflowRetries retries = new WorkflowRetries(ids, starts);
    ChildWorkflows children = new ChildWorkflows(store, codec, records);
    closures = new RunClosures(store, clock, records, cache, children, metrics);
    HistoryGrowth growth = new HistoryGrowth(settings.historyLimits(), closures, dispatcher);
    leases = new FirstTaskLeases(nodeId, settings.workflowTaskLease(), flowControl, dispatcher);
    WorkflowTaskCommit commit =
        new WorkflowTaskCommit(
            records,
            codec,
            nodeId,
            new ChildStarts(store, ids, starts),
            children,
            retries,
            new ActivityTasks(nodeId, flowControl, dispatcher, stallWatch),
            new ContinuedRuns(ids, starts, leases),
            new ExternalWorkflows(store, codec));
    EagerWorkflowTasks eager =
        new EagerWorkflowTasks(
            cache,
            store,
            runners,
            clock,
            flowControl,
            waiters,
            commit,
            growth,
            dispatcher,
            metrics);

    activityOutcomes = new ActivityOutcomes(store, codec, eager);
    heartbeatFlushes = new HeartbeatFlushes();
    activityTasks =
        new ActivityTaskHandler(
            registry,
            store,
            clock,
            payloads,
            codec,
            nodeId,
            activityOutcomes,
            heartbeatFlushes,
            metrics);
    workflowTasks =
        new WorkflowTaskHandler(
            cache, store, runners, codec, clock, waiters, commit, growth, dispatcher, metrics);
    dueTimers =
        new DueTimers(
            store,
            codec,
            records,
            eager,
            new RunTimeouts(store, closures, retries),
            closures,
            metrics);
    claims =
        new Claims(
            store,
            clock,
            nodeId,
            settings.workflowTaskLease(),
            store.capabilities().exclusiveAccess() ? Duration.ZERO : settings.stickyWait());

    controls = new RunControls(store, clock, nodeId, codec, payloads, registry, closures);
    updates = new Updates(store, clock, ids, codec, payloads, registry, waiters);
    queries = new Queries(runners, store, cache, waiters, payloads, records, clock);
    completions =
        new ActivityCompletions(
            store,
            clock,
            payloads,
            codec,
            activityOutcomes,
            new ActivityOutcomeGroups(store, eager, activityOutcomes));
    remotePollWakeups = new RemotePollWakeups();
    taskQueuePollers = new TaskQueuePollers();
    remoteActivities =
        new RemoteActivityPolls(
            store,
            clock,
            claims,
            remotePollWakeups,
            taskQueuePollers,
            completions,
            new RemoteReports(completions),
            payloads,
            codec,
            safetyPoll);
    taskQueueDescriptions = new TaskQueueDescriptions(store, clock, taskQueuePollers);
    flowControls = new FlowControls(flowControl, store, clock, nodeId);
    namespaces = new NamespaceCatalog(store, clock);
    client = newClient(namespace);
    clients = new NamespaceClients(namespace, client, namespaces, this::newClient);
    registerSystemQueue();
    retention = new RetentionSweeper(store, clock, idle, settings.retentionSweepInterval());
    nodeHeartbeats = new NodeHeartbeats(store, clock);
    progress = new EngineProgress(idle, waiters);
    stallChecks = new StallChecks(stallWatch, clock);
  }

  /** Returns what the engine serves; workers register on it until the engine starts. */
  public Registry registry() {
    return registry;
  }

  /** The embedded client of the engine's namespace, with the engine-only operations. */
  public EmbeddedClient embeddedClient() {
    return client;
  }

  public WeftClient client() {
    return client;
  }

  /**
   * Returns the client of a namespace of the catalog, made once per namespace.
   *
   * @throws dev.weft.failure.NamespaceNotFoundException if the namespace does not exist
   */
  public WeftClient client(String namespace) {
    return clients.client(namespace);
  }

  /** Returns the namespace catalog of the store. */
  public Namespaces namespaces() {
    return namespaces;
  }

  /**
   * Every engine serves the system queue, where batch operations run as workflows, so a batch goes
   * on after a restart on whichever node serves the namespace.
   */
  private void registerSystemQueue() {
    QueueRegistration system = registry.queue(BatchOperations.taskQueue(), WorkerOptions.DEFAULTS);
    system.registerWorkflow(BatchWorkflow.class, PagedBatchWorkflow::new);
    system.registerActivities(new ClientBatchActivities(clients::client));
  }

  /** The client parts that work in one namespace, over the engine's shared parts. */
  private EmbeddedClient newClient(String namespace) {
    StartPlans startPlans =
        new StartPlans(
            namespace, clock, ids, payloads, registry, settings.searchAttributes(), starts);
    Starts clientStarts =
        new Starts(
            namespace,
            store,
            codec,
            payloads,
            startPlans,
            leases,
            controls,
            closures,
            records,
            metrics);
    return new EmbeddedClient(
        clientStarts,
        controls,
        new RunReader(
            namespace,
            store,
            payloads,
            codec,
            records,
            waiters,
            settings.historyLimits(),
            clock,
            stallWatch),
        new RunListing(namespace, store, settings.searchAttributes()),
        queries,
        updates,
        new UpdatesWithStart(namespace, store, startPlans, clientStarts, updates),
        new Resets(
            namespace,
            store,
            clock,
            ids,
            cache,
            records,
            closures,
            new RunRebuilds(records, codec)),
        completions,
        flowControls);
  }

  public WorkInProgress workInProgress() {
    return progress;
  }

  /** Remote activity workers' polls and reports. */
  public RemoteActivities remoteActivities() {
    return remoteActivities;
  }

  /** Describes a task queue (backlog, pause, this node's pollers). */
  public TaskQueueDescription describeTaskQueue(String taskQueue) {
    return taskQueueDescriptions.describe(taskQueue);
  }

  /** Every engine node of the store (see {@link NodeHeartbeats#list}). */
  public List<EngineNode> listNodes() {
    return nodeHeartbeats.list();
  }

  /** Describes every known task queue (see {@link TaskQueueDescriptions#list}). */
  public List<TaskQueueDescription> listTaskQueues() {
    return taskQueueDescriptions.list();
  }

  /**
   * Freezes the registry, creates the engine's namespace if it is missing, and ends the leases of a
   * previous process of the store (exclusive access) or of this node ID (a node restarting under
   * its name), so their work resumes now.
   *
   * @return how many leases ended
   */
  public int endLeftoverLeases() {
    registry.freeze();
    namespaces.ensure(settings.namespace(), settings.retention());
    return store.capabilities().exclusiveAccess()
        ? store.expireAllLeases(clock.now())
        : store.expireLeasesOf(nodeId, clock.now());
  }

  /**
   * Starts the workers and background loops: registers the served queues with the store (pauses and
   * limits may name them), reads the flow-control settings, and starts polling, the due-work loop
   * and retention.
   */
  public void startWorkers() {
    for (QueueRegistration queue : registry.all()) {
      store.changeFlowControl(new FlowControlChange.RegisterQueue(queue.taskQueue()));
    }
    flowControl.refresh();
    if (backlogGauges != null) {
      backlogGauges.register(registry.all().stream().map(QueueRegistration::taskQueue).toList());
    }
    dispatcher.start(workflowTasks::handle, activityTasks::handle);
    Pollers pollers =
        new Pollers(
            registry, dispatcher, claims, idle, safetyPoll, nodeId, clock, taskQueuePollers);
    DueWorkLoop due =
        new DueWorkLoop(
            store,
            clock,
            idle,
            safetyPoll,
            dueTimers,
            activityOutcomes,
            () -> {
              pollers.wakeAll();
              remotePollWakeups.wakeAll();
            });
    Workers started =
        new Workers(clock, pollers, due, flowControl, cache, waiters, remotePollWakeups);
    workers = started;
    store.addListener(started);
    clock.addAdvanceListener(
        () -> {
          started.wakeDueWork();
          started.wakeAllPollers();
        });
    started.start();
    retention.start();
    stallChecks.start();
    nodeHeartbeats.start(
        NodeHeartbeats.Identity.of(
            nodeId,
            clock.now(),
            registry.all().stream()
                .map(QueueRegistration::taskQueue)
                .collect(Collectors.toCollection(TreeSet::new))));
  }

  /**
   * Stops the workers (waiting up to {@code shutdownTimeout} for running tasks), unwinds cached
   * runs and closes the store.
   */
  public void close(Duration shutdownTimeout) {
    if (workers != null) {
      nodeHeartbeats.stop();
      stallChecks.stop();
      retention.stop();
      try {
        workers.stop(shutdownTimeout);
        idle.awaitIdle(shutdownTimeout.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    heartbeatFlushes.close();
    cache.clear();
    store.close();
  }
}
