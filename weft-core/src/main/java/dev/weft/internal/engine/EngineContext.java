package dev.weft.internal.engine;

import dev.weft.engine.HistoryLimits;
import dev.weft.engine.WeftClock;
import dev.weft.history.EventAttributes;
import dev.weft.history.HistoryEvent;
import dev.weft.internal.activity.LocalActivities;
import dev.weft.internal.codec.EventCodec;
import dev.weft.internal.codec.PayloadConverter;
import dev.weft.internal.runtime.WorkflowRunner;
import dev.weft.internal.runtime.WorkflowRunners;
import dev.weft.internal.visibility.SearchAttributeCatalog;
import dev.weft.internal.worker.Dispatcher;
import dev.weft.internal.worker.IdleTracker;
import dev.weft.internal.worker.WorkflowCache;
import dev.weft.store.EventRecord;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of one engine that its workers, background loops and client share.
 *
 * @param store the store
 * @param clock the only time source
 * @param namespace the namespace this engine works in
 * @param nodeId this engine's identity in leases and history
 * @param payloads converts values
 * @param registry what this engine serves
 * @param cache the sticky cache of runs
 * @param waiters notifies waiters of closed runs and completed tasks
 * @param idle tracks work in progress (time skipping)
 * @param dispatcher runs tasks on this node within the worker slots
 * @param ids makes run IDs
 * @param deadlockTimeout how long workflow code may run without yielding
 * @param workflowTaskLease how long a workflow task lease lasts
 * @param safetyPoll how often idle loops look at the store without a notification
 * @param searchAttributes the registered search attributes
 * @param historyLimits how long a run's history may grow
 * @param stickyWait how long a workflow task waits for the node that has its run cached (zero on a
 *     store one process owns)
 * @param flowControl this node's copy of the flow-control settings (pauses, limits)
 */
public record EngineContext(
    Store store,
    WeftClock clock,
    String namespace,
    String nodeId,
    PayloadConverter payloads,
    Registry registry,
    WorkflowCache cache,
    RunWaiters waiters,
    IdleTracker idle,
    Dispatcher dispatcher,
    TimeOrderedIds ids,
    Duration deadlockTimeout,
    Duration workflowTaskLease,
    Duration safetyPoll,
    SearchAttributeCatalog searchAttributes,
    HistoryLimits historyLimits,
    Duration stickyWait,
    FlowControlView flowControl) {

  /** Returns the event codec. */
  public EventCodec codec() {
    return EventCodec.shared();
  }

  /** Decodes stored history events. */
  public List<HistoryEvent> decode(List<EventRecord> records) {
    List<HistoryEvent> events = new ArrayList<>(records.size());
    for (EventRecord r : records) {
      events.add(new HistoryEvent(r.eventId(), r.time(), codec().decode(r.data())));
    }
    return events;
  }

  /** Creates the empty in-memory state of a run of a registered workflow type. */
  public WorkflowRunner newRunner(
      RunRecord run, QueueRegistration.WorkflowRegistration registration) {
    WorkflowRunner runner =
        new WorkflowRunners(
                payloads,
                registry.activityCheck(),
                deadlockTimeout,
                new LocalActivities(this),
                Duration.ofNanos(workflowTaskLease.toNanos() / 2),
                searchAttributes)
            .create(
                new WorkflowInfo(
                    run.namespace(),
                    run.workflowId(),
                    run.runId(),
                    run.workflowType(),
                    run.taskQueue()),
                registration.definition(),
                registration.factory());
    runner.setHistoryBytes(run.historyBytes());
    return runner;
  }

  /** Encodes a history event for the store. */
  public EventRecord record(long eventId, Instant time, EventAttributes attributes) {
    return new EventRecord(
        eventId, attributes.getClass().getSimpleName(), time, codec().encode(attributes));
  }
}
