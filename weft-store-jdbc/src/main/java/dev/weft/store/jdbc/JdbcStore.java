package dev.weft.store.jdbc;

import dev.weft.common.WorkflowStatus;
import dev.weft.store.ActivityTaskState;
import dev.weft.store.AttentionPage;
import dev.weft.store.AttentionQuery;
import dev.weft.store.Batch;
import dev.weft.store.ClaimRequest;
import dev.weft.store.CommitResult;
import dev.weft.store.EventRecord;
import dev.weft.store.FlowControl;
import dev.weft.store.FlowControlChange;
import dev.weft.store.HeartbeatResult;
import dev.weft.store.InboxRecord;
import dev.weft.store.NamespaceRecord;
import dev.weft.store.Pause;
import dev.weft.store.QueueBacklog;
import dev.weft.store.RunPage;
import dev.weft.store.RunQuery;
import dev.weft.store.RunRecord;
import dev.weft.store.RunSnapshot;
import dev.weft.store.RunWithLastEvent;
import dev.weft.store.SearchAttributeValue;
import dev.weft.store.Store;
import dev.weft.store.StoreCapabilities;
import dev.weft.store.StoreException;
import dev.weft.store.StoreListener;
import dev.weft.store.StoreMetrics;
import dev.weft.store.StoreStats;
import dev.weft.store.TaskQueueBacklog;
import dev.weft.store.TimerRecord;
import dev.weft.store.WorkflowTaskRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} over JDBC, shared by the SQL stores: one writer connection with group commit
 * for every write (batches, claims, heartbeats), optionally a second one for claims (a database
 * with concurrent writers), and a pool of read connections for queries.
 *
 * <p>Subclasses (one per database) open the connections, pick the {@link Dialect}, and run the
 * migrations, the core's and then the {@link JdbcExtension}s'; all the core's SQL is here. The
 * extensions' writes are applied by the same writer, in the same transactions as the core's, and
 * their reads ({@link #extension}) run on the same read connections.
 */
public class JdbcStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);
  private final StoreCapabilities capabilities;
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final GroupCommitWriter writer;
  private final GroupCommitWriter claimWriter;
  private final ReadPool reads;
  private final BatchApplier batches;
  private final TaskClaims claims;
  private final RunReads queries = new RunReads();
  private final AttentionReads attention = new AttentionReads(queries);
  private final BacklogReads backlogs = new BacklogReads();
  private final CommitObservers commitObservers = new CommitObservers();
  private final TaskQueueReads queues = new TaskQueueReads();
  private final RunListing listing;
  private final Outage outage;
  private final boolean severalStatementsPerCall;
  private final Map<Class<?>, Object> extensionReads;
  private final String extensionNames;

  /**
   * Creates a store over open connections; the store owns and closes them.
   *
   * @param dialect what differs for this database
   * @param capabilities what the store guarantees beyond the contract
   * @param writerConnection the connection every write goes through
   * @param readConnections the connections queries use, at least one
   * @param maxGroup the maximum number of batches committed in one transaction
   * @param hook observes the writer's commits (crash tests); {@link TransactionHook#NONE} normally
   * @param extensions the store extensions to install, their migrations applied already
   */
  protected JdbcStore(
      Dialect dialect,
      StoreCapabilities capabilities,
      Connection writerConnection,
      List<Connection> readConnections,
      int maxGroup,
      TransactionHook hook,
      List<JdbcExtension> extensions) {
    this(
        dialect,
        capabilities,
        writerConnection,
        readConnections,
        maxGroup,
        hook,
        null,
        null,
        dialect.name(),
        extensions);
  }

  /**
   * Creates a store over open connections to a database that other processes share and that may
   * drop connections (a server); the store owns and closes the connections.
   *
   * @param dialect what differs for this database
   * @param capabilities what the store guarantees beyond the contract
   * @param writerConnection the connection every write goes through
   * @param readConnections the connections queries use, at least one
   * @param maxGroup the maximum number of batches committed in one transaction
   * @param hook observes the writer's commits (crash tests); {@link TransactionHook#NONE} normally
   * @param reconnect opens a replacement for a lost connection; null if connections are never lost
   * @param publisher tells other processes of committed changes; null if no other process shares
   *     the database
   * @param description how logs name the database (never with a password)
   * @param extensions the store extensions to install, their migrations applied already
   */
  protected JdbcStore(
      Dialect dialect,
      StoreCapabilities capabilities,
      Connection writerConnection,
      List<Connection> readConnections,
      int maxGroup,
      TransactionHook hook,
      ConnectionSource reconnect,
      CommitPublisher publisher,
      String description,
      List<JdbcExtension> extensions) {
    this(
        dialect,
        capabilities,
        writerConnection,
        null,
        readConnections,
        maxGroup,
        hook,
        reconnect,
        publisher,
        description,
        extensions);
  }

  /**
   * Creates a store as above, with a second writer connection for claims and heartbeats (a database
   * that allows concurrent writers). Claims are short transactions that a worker waits on before it
   * can start anything: on their own connection they do not wait behind the group of batches the
   * main writer is committing, and the two run in parallel. Each connection keeps its own order;
   * claims never depend on the order of batches they do not see yet (a claim reads what was
   * committed when it runs).
   *
   * @param claimConnection the connection claims and heartbeats go through, or null to send them
   *     through the writer connection (a database with a single writer, such as SQLite)
   * @param extensions the store extensions to install, their migrations applied already ({@link
   *     SchemaMigrator#migrateExtensions})
   * @throws StoreException if the extensions do not fit together (a name or a write or reads type
   *     claimed twice), naming them
   */
  protected JdbcStore(
      Dialect dialect,
      StoreCapabilities capabilities,
      Connection writerConnection,
      Connection claimConnection,
      List<Connection> readConnections,
      int maxGroup,
      TransactionHook hook,
      ConnectionSource reconnect,
      CommitPublisher publisher,
      String description,
      List<JdbcExtension> extensions) {
    if (readConnections.isEmpty()) {
      throw new IllegalArgumentException("a store needs at least one read connection");
    }
    List<JdbcExtension> installed = Extensions.checked(extensions);
    this.capabilities = capabilities;
    this.outage = new Outage(description);
    this.extensionNames = Extensions.names(installed);
    List<Statements> readers = new ArrayList<>();
    for (Connection c : readConnections) {
      readers.add(new Statements(c));
    }
    this.reads = new ReadPool(dialect, readers, reconnect, outage);
    FairQueues fairQueues = new FairQueues(capabilities.exclusiveAccess());
    Appliers appliers = new Appliers();
    this.batches =
        new BatchApplier(dialect, fairQueues, capabilities.exclusiveAccess(), appliers, installed);
    this.extensionReads = Extensions.install(installed, dialect, reads.forExtensions(), appliers);
    this.claims = new TaskClaims(dialect, fairQueues);
    this.listing = new RunListing(dialect);
    this.severalStatementsPerCall = dialect.severalStatementsPerCall();
    this.writer =
        new GroupCommitWriter(
            dialect,
            new Statements(writerConnection),
            reconnect,
            outage,
            publisher,
            maxGroup,
            hook,
            listeners,
            commitObservers,
            "weft-" + dialect.name() + "-writer");
    this.claimWriter =
        claimConnection == null
            ? writer
            : new GroupCommitWriter(
                dialect,
                new Statements(claimConnection),
                reconnect,
                outage,
                publisher,
                maxGroup,
                hook,
                listeners,
                commitObservers,
                "weft-" + dialect.name() + "-claims");
    try {
      writer.start();
      if (claimWriter != writer) {
        claimWriter.start();
      }
    } catch (SQLException e) {
      reads.close();
      writer.close();
      if (claimWriter != writer) {
        claimWriter.close();
      }
      throw new StoreException("cannot start the store writer: " + e.getMessage(), e);
    }
  }

  /**
   * Delivers notifications that came from another process sharing the database to this store's
   * listeners, as if this store had committed the change.
   */
  protected final void deliverToListeners(Consumer<StoreListener> notification) {
    for (StoreListener listener : listeners) {
      try {
        notification.accept(listener);
      } catch (RuntimeException e) {
        log.warn("store listener {} failed; continuing", listener, e);
      }
    }
  }

  /** Reports a lost connection of a helper (a notification listener): logged once per outage. */
  protected final void connectionLost(String who, Throwable cause) {
    outage.lost(who, cause);
  }

  /** Reports that a helper's connection works again. */
  protected final void connectionRestored(String who) {
    outage.restored(who);
  }

  @Override
  public StoreCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public CompletableFuture<CommitResult> commit(Batch batch) {
    return writer.submit(
        (st, notes) -> {
          batches.apply(batch, st, notes);
          return CommitResult.ok();
        },
        conflict -> conflict);
  }

  @Override
  public List<WorkflowTaskRecord> claimWorkflowTasks(ClaimRequest request) {
    return await(claimWriter.submit((st, notes) -> claims.claimWorkflowTasks(request, st)));
  }

  @Override
  public List<ActivityTaskState> claimActivityTasks(ClaimRequest request) {
    return await(claimWriter.submit((st, notes) -> claims.claimActivityTasks(request, st, notes)));
  }

  @Override
  public HeartbeatResult recordHeartbeat(
      String runId, long seq, long leaseToken, byte[] details, Instant leaseUntil) {
    return await(
        writer.submit(
            (st, notes) ->
                claims.recordHeartbeat(runId, seq, leaseToken, details, leaseUntil, st)));
  }

  @Override
  public int expireAllLeases(Instant now) {
    if (!capabilities.exclusiveAccess()) {
      throw new IllegalStateException(
          "expireAllLeases is only allowed on a store with exclusive access; "
              + capabilities.name()
              + " is shared between processes");
    }
    return await(writer.submit((st, notes) -> claims.expireAllLeases(now, st, notes)));
  }

  @Override
  public int expireLeasesOf(String owner, Instant now) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    return await(writer.submit((st, notes) -> claims.expireLeasesOf(owner, now, st, notes)));
  }

  @Override
  public List<TimerRecord> dueTimers(Instant now, int limit) {
    return reads.read("due timers", st -> queries.dueTimers(now, limit, st));
  }

  @Override
  public List<ActivityTaskState> expiredActivityTasks(Instant now, int limit) {
    return reads.read("expired activities", st -> queries.expiredActivityTasks(now, limit, st));
  }

  @Override
  public Optional<Instant> nextDueTime(Instant now) {
    return reads.read("next due time", st -> queries.nextDueTime(now, st));
  }

  @Override
  public Optional<RunRecord> findRun(String runId) {
    return reads.read("run " + runId, st -> queries.findRun(runId, st));
  }

  @Override
  public Optional<RunSnapshot> loadRun(String runId, boolean withHistory) {
    return reads.read(
        "run " + runId, st -> queries.loadRun(runId, withHistory, severalStatementsPerCall, st));
  }

  /** One query: the run joined with its last event (which its cursor reads anyway). */
  @Override
  public Optional<RunWithLastEvent> findRunWithLastEvent(String runId) {
    return reads.read("run " + runId, st -> queries.findRunWithLastEvent(runId, st));
  }

  @Override
  public Optional<RunRecord> findLatestRun(String namespace, String workflowId) {
    return reads.read(
        "workflow " + workflowId, st -> queries.findLatestRun(namespace, workflowId, st));
  }

  @Override
  public List<String> findRunsClosedBefore(String namespace, Instant closedBefore, int limit) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(closedBefore, "closedBefore");
    if (limit < 1 || limit > MAX_CLOSED_RUNS_PER_CALL) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_CLOSED_RUNS_PER_CALL + ", was " + limit);
    }
    return reads.read(
        "runs of namespace " + namespace + " closed before " + closedBefore,
        st -> queries.findRunsClosedBefore(namespace, closedBefore, limit, st));
  }

  @Override
  public List<EventRecord> readHistory(String runId, long fromEventId) {
    return reads.read("history of run " + runId, st -> queries.readHistory(runId, fromEventId, st));
  }

  @Override
  public List<EventRecord> readHistory(String runId, long fromEventId, int maxEvents) {
    RunReads.checkMaxEvents(runId, maxEvents);
    return reads.read(
        "history of run " + runId, st -> queries.readHistory(runId, fromEventId, maxEvents, st));
  }

  @Override
  public List<InboxRecord> readInbox(String runId) {
    return reads.read("inbox of run " + runId, st -> queries.readInbox(runId, st));
  }

  @Override
  public Optional<WorkflowTaskRecord> findWorkflowTask(String runId) {
    return reads.read("workflow task of run " + runId, st -> queries.findWorkflowTask(runId, st));
  }

  @Override
  public List<ActivityTaskState> findActivityTasks(String runId) {
    return reads.read("activities of run " + runId, st -> queries.findActivityTasks(runId, st));
  }

  @Override
  public Optional<ActivityTaskState> findActivityTask(String runId, long seq) {
    return reads.read(
        "activity " + seq + " of run " + runId, st -> queries.findActivityTask(runId, seq, st));
  }

  @Override
  public List<TimerRecord> findTimers(String runId) {
    return reads.read("timers of run " + runId, st -> queries.findTimers(runId, st));
  }

  @Override
  public RunPage listRuns(RunQuery query) {
    return reads.read("list runs", st -> listing.list(query, st));
  }

  @Override
  public AttentionPage listRunsNeedingAttention(AttentionQuery query) {
    Objects.requireNonNull(query, "query");
    return reads.read("runs needing attention", st -> attention.page(query, st));
  }

  @Override
  public long countRuns(RunQuery query) {
    return reads.read("count runs", st -> listing.count(query, st));
  }

  @Override
  public Map<WorkflowStatus, Long> countRunsByStatus(RunQuery query) {
    return reads.read("count runs by status", st -> listing.countByStatus(query, st));
  }

  @Override
  public Map<String, SearchAttributeValue> findSearchAttributes(String runId) {
    return reads.read(
        "search attributes of run " + runId, st -> VisibilityReads.searchAttributes(runId, st));
  }

  @Override
  public FlowControl changeFlowControl(FlowControlChange change) {
    Objects.requireNonNull(change, "change");
    return await(
        writer.submit(
            (st, notes) -> {
              FlowControlSql.change(change, Instant.now(), st, notes);
              return FlowControlSql.load(st);
            }));
  }

  @Override
  public FlowControl flowControl() {
    return reads.read("flow control settings", FlowControlSql::load);
  }

  @Override
  public Optional<Pause> findRunPause(String runId) {
    return reads.read("pause of run " + runId, st -> FlowControlSql.runPause(runId, st));
  }

  @Override
  public Optional<NamespaceRecord> findNamespace(String name) {
    Objects.requireNonNull(name, "name");
    return reads.read("namespace " + name, st -> NamespaceRows.find(name, st));
  }

  @Override
  public List<NamespaceRecord> listNamespaces() {
    return reads.read("namespaces", NamespaceRows::all);
  }

  @Override
  public Optional<byte[]> findMemo(String runId) {
    return reads.read("memo of run " + runId, st -> VisibilityReads.memo(runId, st));
  }

  @Override
  public <T> T extension(Class<T> type) {
    Object offered = extensionReads.get(type);
    if (offered == null) {
      throw new StoreException(
          "no store extension installed in the "
              + capabilities.name()
              + " store offers "
              + type.getName()
              + " (installed: "
              + extensionNames
              + "); put the extension's module on the class path or in the store's options");
    }
    return type.cast(offered);
  }

  @Override
  public TaskQueueBacklog taskQueueBacklog(String taskQueue, Instant now) {
    return reads.read(
        "backlog of task queue " + taskQueue, st -> queues.backlog(taskQueue, now, st));
  }

  @Override
  public StoreStats stats() {
    return reads.read("stats", queries::stats);
  }

  @Override
  public List<QueueBacklog> taskBacklog(Instant now) {
    return reads.read("task backlog", st -> backlogs.taskBacklog(now, st));
  }

  @Override
  public void addMetrics(StoreMetrics metrics) {
    commitObservers.add(metrics);
  }

  @Override
  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    writer.close();
    if (claimWriter != writer) {
      claimWriter.close();
    }
    reads.close();
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new StoreException(String.valueOf(e.getCause()), e.getCause());
    }
  }
}
