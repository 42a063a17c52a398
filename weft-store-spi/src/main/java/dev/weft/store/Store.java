package dev.weft.store;

import dev.weft.common.WorkflowStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The storage SPI: everything the engine persists goes through this interface.
 *
 * <p>Writes are {@link Batch}es applied atomically by {@link #commit}. A store may group concurrent
 * batches into one database transaction (group commit), but each batch succeeds or fails on its
 * own, and a returned {@link CommitResult.Committed} means the batch is durable.
 *
 * <p>Claims lease ready tasks to a worker; a lease carries a fencing token that later writes of the
 * worker must present. Reads never block writes.
 *
 * <p>Times are given by the caller: a store never reads a clock, so the engine's clock (which tests
 * can skip forward) is the only time source.
 *
 * <p>Implementations are thread-safe. Every implementation passes the store contract suite in
 * {@code weft-store-tck}.
 */
public interface Store extends AutoCloseable {

  /** Returns what this store guarantees beyond the common contract. */
  StoreCapabilities capabilities();

  /**
   * Applies a batch atomically.
   *
   * @return a future that completes with {@link CommitResult.Committed} once the batch is durable,
   *     or {@link CommitResult.Conflict} if a conditional write did not hold (nothing applied); it
   *     completes exceptionally with {@link StoreException} if the store failed
   */
  CompletableFuture<CommitResult> commit(Batch batch);

  /**
   * Leases up to {@code request.maxTasks()} workflow tasks of a queue that are visible at {@code
   * request.now()}, oldest first. A leased task stays invisible until {@code now + lease}; if its
   * worker does not complete it by then, it is claimable again.
   */
  List<WorkflowTaskRecord> claimWorkflowTasks(ClaimRequest request);

  /**
   * Leases up to {@code request.maxTasks()} activity tasks of a queue that are visible and not
   * leased, oldest first. Each claimed task's attempt is incremented; its lease lasts until the
   * earliest of its timeouts ({@link ActivityTaskRecord#leaseUntil}).
   */
  List<ActivityTaskState> claimActivityTasks(ClaimRequest request);

  /**
   * Records a heartbeat of a running activity attempt: stores the details and extends the lease to
   * {@code leaseUntil}, if the attempt still holds the lease.
   */
  HeartbeatResult recordHeartbeat(
      String runId, long seq, long leaseToken, byte[] details, Instant leaseUntil);

  /**
   * Ends every lease at {@code now}. Only for stores with {@link
   * StoreCapabilities#exclusiveAccess()}, when a process opens the store: the leases in it belong
   * to a process that no longer runs. Workflow tasks become claimable at once; leased activity
   * attempts become expired (see {@link #expiredActivityTasks}), so their retry policy decides what
   * happens next, as if their lease had run out.
   *
   * @return the number of leases ended
   */
  int expireAllLeases(Instant now);

  /**
   * Ends the leases held by {@code owner} at {@code now}, like {@link #expireAllLeases} but for one
   * owner, on any store: a node that starts again under the ID of a process that died knows that
   * process's leases are dead, so its work resumes at once instead of after the leases run out.
   * Node IDs must therefore be unique among the live processes sharing a store.
   *
   * @return the number of leases ended
   */
  int expireLeasesOf(String owner, Instant now);

  /** Returns up to {@code limit} timers due at {@code now}, earliest first. */
  List<TimerRecord> dueTimers(Instant now, int limit);

  /**
   * Returns up to {@code limit} activity tasks whose time is up at {@code now}: a leased attempt
   * whose lease expired, or a task whose schedule-to-close deadline passed.
   */
  List<ActivityTaskState> expiredActivityTasks(Instant now, int limit);

  /**
   * Returns the earliest time at which something is or becomes due: a timer, an activity lease
   * expiry or schedule-to-close deadline (any of these may be at or before {@code now}: due
   * already), or a task whose visibility time is after {@code now} (a retry backoff, a workflow
   * task lease). Tasks that are claimable already are not counted: claiming them is the workers'
   * business. Empty when nothing is pending.
   */
  Optional<Instant> nextDueTime(Instant now);

  /** Returns the run with this run ID. */
  Optional<RunRecord> findRun(String runId);

  /**
   * Returns the run with this run ID and its last history event, as of one moment: what a client
   * awaiting a run's result needs (the closing event holds the result), in one read where the store
   * can. The default reads the run, then its history from that event.
   */
  default Optional<RunWithLastEvent> findRunWithLastEvent(String runId) {
    return findRun(runId)
        .map(
            run ->
                new RunWithLastEvent(
                    run,
                    run.nextEventId() == 1
                        ? null
                        : readHistory(runId, run.nextEventId() - 1).stream()
                            .findFirst()
                            .orElse(null)));
  }

  /**
   * Returns a run with what running its workflow task needs: its history from the first event (when
   * {@code withHistory}: the caller has no copy of the run to bring up to date) and its inbox; in
   * one round trip where the store can. The default reads the run, its history and its inbox one
   * after the other.
   */
  default Optional<RunSnapshot> loadRun(String runId, boolean withHistory) {
    return findRun(runId)
        .map(
            run ->
                new RunSnapshot(run, withHistory ? readHistory(runId, 1) : null, readInbox(runId)));
  }

  /** Returns the most recently started run of a workflow ID. */
  Optional<RunRecord> findLatestRun(String namespace, String workflowId);

  /**
   * Returns the IDs of closed runs of a namespace whose close time is before {@code closedBefore},
   * the oldest close first (ties in run ID order), at most {@code limit}: the runs a retention
   * period has expired, to delete with {@link Write.DeleteRun}. Running runs are never returned.
   * Served by an index, so a call costs the runs it returns, not the runs the store holds.
   *
   * @param namespace the namespace whose runs to look at
   * @param closedBefore the cutoff, exclusive: usually now minus the namespace's retention
   * @param limit the most IDs to return, from 1 to {@value #MAX_CLOSED_RUNS_PER_CALL}
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  List<String> findRunsClosedBefore(String namespace, Instant closedBefore, int limit);

  /** The largest {@code limit} {@link #findRunsClosedBefore} accepts. */
  int MAX_CLOSED_RUNS_PER_CALL = 10_000;

  /** Returns a run's history events with {@code eventId >= fromEventId}, in order. */
  List<EventRecord> readHistory(String runId, long fromEventId);

  /**
   * Returns at most {@code maxEvents} of a run's history events with {@code eventId >=
   * fromEventId}, in order: one page of a long history, read without the events after it. The
   * default reads from {@code fromEventId} to the end and keeps the first ones; a store should read
   * only the page.
   *
   * @throws IllegalArgumentException if {@code maxEvents} is less than 1
   */
  default List<EventRecord> readHistory(String runId, long fromEventId, int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException(
          "maxEvents of the history of run " + runId + " must be 1 or more, was " + maxEvents);
    }
    List<EventRecord> events = readHistory(runId, fromEventId);
    return events.size() <= maxEvents ? events : List.copyOf(events.subList(0, maxEvents));
  }

  /** Returns a run's inbox, oldest first. */
  List<InboxRecord> readInbox(String runId);

  /** Returns a run's pending workflow task. */
  Optional<WorkflowTaskRecord> findWorkflowTask(String runId);

  /** Returns a run's pending activity tasks, by sequence number. */
  List<ActivityTaskState> findActivityTasks(String runId);

  /**
   * Returns one pending activity task of a run, by its sequence number: the row {@link
   * #findActivityTasks} would list for {@code seq}, read by the task's key (a completion by task
   * token reads just the task it names, not every pending task of the run).
   *
   * @return the task and its lease, or empty if the run has no pending task {@code seq}
   */
  Optional<ActivityTaskState> findActivityTask(String runId, long seq);

  /** Returns a run's pending timers, by sequence number. */
  List<TimerRecord> findTimers(String runId);

  /**
   * Lists runs matching a query, one page at a time, newest first unless the query has an order
   * (see {@link RunQuery} for how paging behaves).
   *
   * @throws IllegalArgumentException if the page token is not one this store returned for a query
   *     with the same order
   */
  RunPage listRuns(RunQuery query);

  /**
   * Lists the running runs of a namespace that need attention (see {@link AttentionQuery}), newest
   * first, one page at a time, each with the tasks that make it so. Served by indexes on the
   * failing and retrying tasks (and on unclaimed tasks' visibility times for {@code waitingSince}),
   * not by a scan of the runs.
   *
   * @throws IllegalArgumentException if the page token is not one this method returned
   */
  AttentionPage listRunsNeedingAttention(AttentionQuery query);

  /** Counts the runs matching a query, filter included (its page size, token and order ignored). */
  long countRuns(RunQuery query);

  /**
   * Counts the runs matching a query by status, filter included (its page size, token and order
   * ignored): one entry per status that has runs, in {@link WorkflowStatus} order; the values sum
   * to {@link #countRuns}. The default counts each status with {@link #countRuns}; a store should
   * answer with one grouped read.
   */
  default Map<WorkflowStatus, Long> countRunsByStatus(RunQuery query) {
    Map<WorkflowStatus, Long> counts = new EnumMap<>(WorkflowStatus.class);
    for (WorkflowStatus s : WorkflowStatus.values()) {
      if (query.status() == null || query.status() == s) {
        long n =
            countRuns(
                new RunQuery(
                        query.namespace(),
                        s,
                        query.workflowType(),
                        query.workflowId(),
                        query.pageSize(),
                        null)
                    .withFilter(query.filter(), query.orderBy()));
        if (n > 0) {
          counts.put(s, n);
        }
      }
    }
    return counts;
  }

  /**
   * Returns a run's search attributes by name, in name order; empty if the run has none or does not
   * exist.
   */
  Map<String, SearchAttributeValue> findSearchAttributes(String runId);

  /** Returns a run's memo; empty if none was set or the run does not exist. */
  Optional<byte[]> findMemo(String runId);

  /**
   * Returns the reads a store extension offers: a feature that keeps rows of its own (update
   * outcomes, assets, schedules) installs an extension in the store and reads through the object it
   * offers under an interface of its own, so that {@code Store} need not grow a method per feature.
   * The object is thread-safe, like the store, and lives as long as the store.
   *
   * <pre>{@code
   * Optional<byte[]> outcome = store.extension(UpdateOutcomes.class).find(runId, updateId);
   * }</pre>
   *
   * @param type the interface of the reads, as the feature defines it
   * @return the store's implementation of {@code type}
   * @throws StoreException naming {@code type} and the store if no installed extension offers it
   */
  <T> T extension(Class<T> type);

  /**
   * Applies a flow-control change (pause or resume a queue or an activity type, set a rate or key
   * limit, register a queue) durably, in one transaction, and wakes the workers it concerns.
   *
   * @return the settings after the change
   * @throws UnknownTaskQueueException if the change names a queue nobody registered; nothing
   *     changes
   */
  FlowControl changeFlowControl(FlowControlChange change);

  /** Returns the current flow-control settings of all queues. */
  FlowControl flowControl();

  /** Returns the pause of a run, if it is paused. */
  Optional<Pause> findRunPause(String runId);

  /**
   * Returns what waits in a task queue at {@code now}: the workflow and activity tasks that are
   * visible and not leased, and since when the oldest of each kind has been visible. Counts every
   * waiting task, paused or not.
   */
  TaskQueueBacklog taskQueueBacklog(String taskQueue, Instant now);

  /** Returns the namespace of that name in the catalog ({@link Write.InsertNamespace}), if any. */
  Optional<NamespaceRecord> findNamespace(String name);

  /** Returns every namespace of the catalog, by name. */
  List<NamespaceRecord> listNamespaces();

  /** Returns the row counts of the store's tables. */
  StoreStats stats();

  /**
   * Returns the backlog of every task queue: per queue and kind, how many tasks are claimable at
   * {@code now} and not claimed, and since when the oldest of them has been claimable. Queues and
   * kinds with no such task are left out; tasks that become visible later (a retry backoff) and
   * leased tasks are not a backlog; tasks of paused queues and runs are. One read, for metrics and
   * operators: it scans the ready tasks, so poll it every few seconds, not per step.
   */
  List<QueueBacklog> taskBacklog(Instant now);

  /**
   * Registers an observer of the store's writer transactions (commit latency, group size). It is
   * called on the writer thread for every transaction committed after it was added.
   */
  void addMetrics(StoreMetrics metrics);

  /** Registers a listener for committed changes. */
  void addListener(StoreListener listener);

  /** Closes the store: waits for queued commits to finish, then releases connections and files. */
  @Override
  void close();
}
