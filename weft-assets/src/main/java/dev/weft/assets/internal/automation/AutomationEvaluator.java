package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.Assets;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.assets.internal.MaterializeRequest;
import dev.weft.assets.internal.MaterializeWorkflow;
import dev.weft.assets.internal.PartitionPlanner;
import dev.weft.assets.internal.Planner;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.client.WorkflowIdReusePolicy;
import dev.weft.client.WorkflowOptions;
import dev.weft.engine.EngineService;
import dev.weft.engine.WeftEngine;
import dev.weft.failure.WorkflowAlreadyStartedException;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.StoreListener;
import dev.weft.store.TaskKind;
import dev.weft.store.Write;
import dev.weft.store.assets.automation.AcquireAutomationLease;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AssetChangeRecord;
import dev.weft.store.assets.automation.AutomationAssetRecord;
import dev.weft.store.assets.automation.AutomationEvaluationRecord;
import dev.weft.store.assets.automation.AutomationLog;
import dev.weft.store.assets.automation.RecordAutomationEvaluations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automation evaluator of one namespace's code location. While it holds the lease ({@link
 * AcquireAutomationLease}; any node takes it over once it expired), it reads the change log after
 * its durable cursor, evaluates the conditions of the assets the changes affect, and for each that
 * fires starts a {@code __weft_materialize} run of the asset in the same transaction as the
 * evaluation record ({@link WeftEngine#startWithWrites}, fenced by the lease and the cursor, with
 * the workflow ID {@code __weft_auto:<asset>:<last change seq>} as a second guard); then records
 * the evaluations that did not fire and moves the cursor. Woken right after a commit that appended
 * to the change log in this process, by other nodes' notifications (the asset queues' workflow
 * tasks), at the next cron tick, and by a safety poll. Cron ticks count from a durable cursor read
 * when it takes the lease ({@link CronTicks#resume}), so a tick missed while no node ran fires
 * once.
 *
 * <p>One platform thread, started and stopped with the engine ({@link WeftEngine#addService}).
 */
public final class AutomationEvaluator implements EngineService {
  /** The prefix of the workflow IDs of automated runs. */
  public static final String WORKFLOW_ID_PREFIX = "__weft_auto:";

  private static final Logger log = LoggerFactory.getLogger(AutomationEvaluator.class);
  private static final int BATCH = 500;

  private final WeftEngine engine;
  private final String namespace;
  private final String location;
  private final AssetGraph graph;
  private final Clock clock;
  private final Duration leaseDuration;
  private final Duration poll;
  private final Map<AssetKey, AutomationCondition> conditions = new TreeMap<>();
  private final FactsReader facts;
  private final CronTicks crons;
  private final String owner = "automation-" + UUID.randomUUID();
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean closed;
  private Instant leaseUntil;

  /**
   * The assets whose last evaluation did not fire only because a run automation started for them
   * was in progress, with that run (evaluator thread only). Upstream updates that landed while it
   * ran are looked at again once it closes: its own commits may be the last changes of the log.
   */
  private final Map<AssetKey, String> waitingOnRun = new TreeMap<>();

  /**
   * @param freshnessViolated whether an asset has an open freshness violation (the freshness
   *     catalog's seam)
   */
  public AutomationEvaluator(
      WeftEngine engine,
      String location,
      AssetGraph graph,
      Clock clock,
      Duration leaseDuration,
      Duration poll,
      Predicate<AssetKey> freshnessViolated) {
    this.engine = engine;
    this.namespace = engine.namespace();
    this.location = location;
    this.graph = graph;
    this.clock = clock;
    this.leaseDuration = leaseDuration;
    this.poll = poll;
    for (AssetNode node : graph.nodes()) {
      if (node.spec().automation() != null) {
        conditions.put(node.key(), node.spec().automation());
      }
    }
    this.facts = new FactsReader(namespace, engine.store(), graph, clock, freshnessViolated);
    this.crons = new CronTicks(namespace, engine.store(), conditions, clock);
    this.thread = new Thread(this::loop, "weft-automation-" + namespace + "/" + location);
    thread.setDaemon(true);
  }

  /** Whether any asset of the graph has a condition (else there is nothing to start). */
  public boolean hasConditions() {
    return !conditions.isEmpty();
  }

  /** Starts evaluating: registers the wake-ups and starts the thread. */
  @Override
  public void start() {
    engine.store().extension(AutomationLog.class).addChangeListener(this::wake);
    engine
        .store()
        .addListener(
            new StoreListener() {
              @Override
              public void tasksReady(TaskKind kind, String taskQueue, Instant visibleAt) {
                if (kind == TaskKind.WORKFLOW && taskQueue.startsWith("__weft_assets")) {
                  wake();
                }
              }

              @Override
              public void runClosed(String runId) {
                wake();
              }

              @Override
              public void notificationsMissed() {
                wake();
              }
            });
    thread.start();
  }

  /** Makes the evaluator look at the change log now. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    releaseLease();
  }

  /** Gives the lease back (it ends a millisecond from now), so another node takes over at once. */
  private void releaseLease() {
    if (leaseUntil == null || thread.isAlive()) {
      return;
    }
    Instant now = clock.instant();
    try {
      engine
          .store()
          .commit(
              Batch.of(
                  new AcquireAutomationLease(namespace, location, owner, now, now.plusMillis(1))))
          .join();
    } catch (RuntimeException e) {
      log.debug("automation of {}/{}: the lease runs out by itself", namespace, location, e);
    }
    leaseUntil = null;
  }

  private void loop() {
    while (!closed) {
      try {
        step();
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        leaseUntil = null;
        log.warn("automation of {}/{} failed; trying again", namespace, location, e);
      }
      try {
        wake.tryAcquire(waitMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long waitMillis() {
    Instant now = clock.instant();
    long wait = poll.toMillis();
    if (leaseUntil != null) {
      wait = Math.min(wait, Duration.between(now, renewAt()).toMillis());
    }
    Instant tick = crons.nextTick();
    if (tick != null) {
      wait = Math.min(wait, Duration.between(now, tick).toMillis() + 1);
    }
    return Math.max(1, wait);
  }

  private Instant renewAt() {
    return leaseUntil.minus(leaseDuration.dividedBy(3).multipliedBy(2));
  }

  /** Takes or renews the lease, records due cron ticks and handles the changes after the cursor. */
  void step() {
    Instant now = clock.instant();
    if (leaseUntil == null || !now.isBefore(renewAt())) {
      Instant until = now.plus(leaseDuration);
      CommitResult r =
          engine
              .store()
              .commit(Batch.of(new AcquireAutomationLease(namespace, location, owner, now, until)))
              .join();
      boolean taken = leaseUntil == null;
      leaseUntil = r.committed() ? until : null;
      if (leaseUntil == null) {
        crons.forget();
        return;
      }
      if (taken) {
        crons.resume(now);
        // a node that held the lease before may have left runs it waited for: look at every
        // automated asset once, counting only new triggers
        waitingOnRun.clear();
        conditions.keySet().forEach(k -> waitingOnRun.put(k, ""));
      }
    }
    crons.recordDue(now);
    drain();
    recheckClosedRuns();
  }

  /**
   * Evaluates again, with only new triggers counting (upstream updates, cron ticks), the assets
   * that waited for a run that has closed since. The run's workflow ID carries the run waited for
   * (or this evaluator, after taking the lease), so two evaluations of the same facts never start
   * two runs.
   */
  private void recheckClosedRuns() {
    if (waitingOnRun.isEmpty() || leaseUntil == null || closed) {
      return;
    }
    Map<AssetKey, String> due = new TreeMap<>();
    for (Map.Entry<AssetKey, String> e : waitingOnRun.entrySet()) {
      String runId = e.getValue();
      if (runId.isEmpty()
          || engine.store().findRun(runId).map(r -> r.status().isClosed()).orElse(true)) {
        due.put(e.getKey(), runId);
      }
    }
    if (due.isEmpty()) {
      return;
    }
    due.keySet().forEach(waitingOnRun::remove);
    AutomationLog changes = engine.store().extension(AutomationLog.class);
    long cursor = changes.cursor(namespace, location).map(c -> c.cursor()).orElse(0L);
    Map<String, AutomationAssetRecord> remembered = facts.remembered(due.keySet());
    Instant now = clock.instant();
    for (Map.Entry<AssetKey, AssetFacts> e :
        facts.read(due.keySet(), remembered, cursor).entrySet()) {
      AutomationCondition condition = conditions.get(e.getKey());
      AssetFacts f = e.getValue();
      ConditionEvaluator.Verdict verdict = ConditionEvaluator.evaluateOnNewTriggers(condition, f);
      if (f.inProgress()) {
        waitingOnRun.put(e.getKey(), f.inProgressRunId());
      } else if (verdict.holds()) {
        String waitedFor = due.get(e.getKey());
        String suffix = waitedFor.isEmpty() ? ":resume:" + owner : ":after:" + waitedFor;
        fire(e.getKey(), condition, verdict, cursor, cursor, now, suffix);
      }
    }
  }

  private void drain() {
    AutomationLog changes = engine.store().extension(AutomationLog.class);
    long cursor = changes.cursor(namespace, location).map(c -> c.cursor()).orElse(0L);
    while (!closed) {
      List<AssetChangeRecord> batch = changes.changesAfter(namespace, cursor, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      long to = batch.get(batch.size() - 1).seq();
      if (!evaluate(cursor, to, batch)) {
        leaseUntil = null;
        return;
      }
      cursor = to;
    }
  }

  /**
   * Evaluates the assets the changes {@code (from, to]} affect, starts a run for each that fires,
   * records the others and moves the cursor to {@code to}.
   *
   * @return false if the lease or the cursor moved meanwhile (another node evaluates)
   */
  private boolean evaluate(long from, long to, List<AssetChangeRecord> batch) {
    Set<AssetKey> candidates = new TreeSet<>();
    for (AssetChangeRecord c : batch) {
      affected(c, candidates);
    }
    Map<String, AutomationAssetRecord> remembered = facts.remembered(candidates);
    Set<AssetKey> affected = new TreeSet<>();
    Set<AssetKey> notOnlyFailed = new TreeSet<>();
    for (AssetChangeRecord c : batch) {
      Set<AssetKey> touched = new TreeSet<>();
      affected(c, touched);
      for (AssetKey key : touched) {
        AutomationAssetRecord memory = remembered.get(key.path());
        if (memory == null || c.seq() > memory.handledSeq()) {
          affected.add(key);
          if (!(c.kind() == AssetChangeKind.FAILED && c.assetKey().equals(key.path()))) {
            notOnlyFailed.add(key);
          }
        }
      }
    }
    Instant now = clock.instant();
    List<AutomationEvaluationRecord> notFired = new ArrayList<>();
    for (Map.Entry<AssetKey, AssetFacts> e : facts.read(affected, remembered, to).entrySet()) {
      AutomationCondition condition = conditions.get(e.getKey());
      AssetFacts f = e.getValue();
      // after its own failure only new triggers count (upstream updates, ticks that came
      // meanwhile): missing() or codeVersionChanged() would start the failing run again
      ConditionEvaluator.Verdict verdict =
          notOnlyFailed.contains(e.getKey())
              ? ConditionEvaluator.evaluate(condition, f)
              : ConditionEvaluator.evaluateOnNewTriggers(condition, f);
      if (f.inProgress()) {
        waitingOnRun.put(e.getKey(), f.inProgressRunId());
      }
      if (!verdict.holds()) {
        notFired.add(
            new AutomationEvaluationRecord(
                0,
                e.getKey().path(),
                condition.toString(),
                false,
                verdict.reason(),
                "",
                null,
                null,
                from,
                to,
                now));
      } else if (!fire(e.getKey(), condition, verdict, from, to, now, "")) {
        return false;
      }
    }
    CommitResult r =
        engine
            .store()
            .commit(
                Batch.of(
                    new RecordAutomationEvaluations(
                        namespace, location, owner, from, to, notFired, now)))
            .join();
    return r.committed();
  }

  /**
   * The assets with conditions a change affects: the asset itself and, for new data, its
   * downstream.
   */
  private void affected(AssetChangeRecord c, Set<AssetKey> into) {
    AssetKey key = AssetKey.of(c.assetKey());
    if (!graph.contains(key)) {
      return;
    }
    if (conditions.containsKey(key)) {
      into.add(key);
    }
    if (c.kind() == AssetChangeKind.MATERIALIZED || c.kind() == AssetChangeKind.OBSERVED) {
      for (AssetKey down : graph.downstream(key)) {
        if (conditions.containsKey(down)) {
          into.add(down);
        }
      }
    }
  }

  private boolean fire(
      AssetKey key,
      AutomationCondition condition,
      ConditionEvaluator.Verdict verdict,
      long from,
      long to,
      Instant now,
      String idSuffix) {
    String workflowId = WORKFLOW_ID_PREFIX + key.path() + ":" + to + idSuffix;
    MaterializeRequest request = Planner.plan(key.path(), graph, Set.of(key));
    String partitions = verdict.partitions().toString();
    PartitionsDefinition def = graph.node(key).partitions();
    if (graph.node(key).definition().partitioning().partitioned()) {
      PartitionsContext ctx = facts.context(now);
      partitions = AutomatedPartitions.text(def, verdict.partitions(), ctx);
      request =
          PartitionPlanner.plan(
              request,
              graph,
              AutomatedPartitions.selection(def, verdict.partitions(), ctx),
              Assets.DEFAULT_CONCURRENT_CHUNKS,
              ctx);
    }
    String recorded = partitions;
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .workflowId(workflowId)
            .taskQueue(MaterializeWorkflow.taskQueue(location))
            .idReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
            .build();
    try {
      Optional<String> run =
          engine.startWithWrites(
              MaterializeWorkflow.TYPE,
              options,
              runId ->
                  List.<Write>of(
                      new RecordAutomationEvaluations(
                          namespace,
                          location,
                          owner,
                          from,
                          from,
                          List.of(
                              new AutomationEvaluationRecord(
                                  0,
                                  key.path(),
                                  condition.toString(),
                                  true,
                                  verdict.reason(),
                                  recorded,
                                  workflowId,
                                  runId,
                                  from,
                                  to,
                                  now)),
                          now)),
              request);
      return run.isPresent();
    } catch (WorkflowAlreadyStartedException e) {
      log.debug("automation of {}: {} was started by another evaluator", key, workflowId);
      return false;
    }
  }
}
