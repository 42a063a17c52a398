package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.common.WorkflowStatus;
import dev.weft.store.RunRecord;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import dev.weft.store.assets.automation.AssetChangeKind;
import dev.weft.store.assets.automation.AutomationAssetRecord;
import dev.weft.store.assets.automation.AutomationLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the facts of the assets an evaluation covers: the change log's latest sequence numbers of
 * them and their upstreams (two queries for all), what automation remembers of them, their catalog
 * states and whether the run automation last started for them still runs.
 *
 * <p>"Since the last run" means after the later of the change the asset's last fired evaluation
 * covered and the asset's own latest materialization when automation did not start it (Dagster's
 * {@code since_last_handled}).
 */
final class FactsReader {
  private final String namespace;
  private final Store store;
  private final AssetGraph graph;
  private final Predicate<AssetKey> freshnessViolated;
  private final PartitionFactsReader partitioned;

  /**
   * @param freshnessViolated whether an asset has an open freshness violation: the seam where the
   *     freshness catalog connects
   */
  FactsReader(
      String namespace,
      Store store,
      AssetGraph graph,
      Clock clock,
      Predicate<AssetKey> freshnessViolated) {
    this.namespace = namespace;
    this.store = store;
    this.graph = graph;
    this.freshnessViolated = freshnessViolated;
    this.partitioned = new PartitionFactsReader(namespace, store, graph, clock);
  }

  /** What exists now, for the partitions of the assets evaluated at {@code now}. */
  PartitionsContext context(Instant now) {
    return partitioned.context(now);
  }

  /** What automation remembers of the keys. */
  Map<String, AutomationAssetRecord> remembered(Collection<AssetKey> keys) {
    return log().assets(namespace, keys.stream().map(AssetKey::path).toList());
  }

  /**
   * The facts of each of {@code keys}, given what automation remembers of them, as of the change
   * {@code to} (a partitioned asset's updates are read up to it, so a later change counts in the
   * evaluation that covers it, once).
   */
  Map<AssetKey, AssetFacts> read(
      Collection<AssetKey> keys, Map<String, AutomationAssetRecord> remembered, long to) {
    Set<String> involved = new LinkedHashSet<>();
    for (AssetKey key : keys) {
      involved.add(key.path());
      graph.upstream(key).forEach(u -> involved.add(u.path()));
    }
    Map<String, Map<AssetChangeKind, Long>> latest = log().latestChanges(namespace, involved);
    Map<AssetKey, AssetFacts> out = new java.util.LinkedHashMap<>();
    for (AssetKey key : keys) {
      AutomationAssetRecord memory = remembered.get(key.path());
      if (graph.node(key).definition().partitioning().partitioned()) {
        out.put(key, partitioned.read(key, memory, latest, runningRun(memory), to));
        continue;
      }
      Optional<AssetStateRecord> state = catalog().state(namespace, key.path(), "");
      long since = since(memory, state, seq(latest, key.path(), AssetChangeKind.MATERIALIZED));
      Set<AssetKey> upstream = graph.upstream(key);
      Set<AssetKey> updated = new HashSet<>();
      for (AssetKey up : upstream) {
        long at =
            Math.max(
                seq(latest, up.path(), AssetChangeKind.MATERIALIZED),
                seq(latest, up.path(), AssetChangeKind.OBSERVED));
        if (at > since) {
          updated.add(up);
        }
      }
      boolean missing = state.map(s -> s.status() == AssetStatus.MISSING).orElse(true);
      AssetNode node = graph.node(key);
      String materializedCode =
          state.map(s -> s.current() == null ? null : s.current().codeVersion()).orElse(null);
      boolean codeChanged =
          !missing
              && state.get().current() != null
              && !Objects.equals(node.spec().codeVersion(), materializedCode);
      out.put(
          key,
          new AssetFacts(
              key,
              upstream,
              updated,
              runningRun(memory),
              missing,
              codeChanged,
              seq(latest, key.path(), AssetChangeKind.CRON_TICK) > since,
              freshnessViolated.test(key)));
    }
    return out;
  }

  /**
   * The change after which an upstream update counts as new. The asset's own latest materialization
   * counts only when automation did not start it: an automated run's commit comes after upstream
   * updates that landed while it ran, which it may not have read, so those must still fire once it
   * ends (the change its evaluation covered is the bound then).
   */
  private static long since(
      AutomationAssetRecord memory, Optional<AssetStateRecord> state, long ownMaterialized) {
    long handled = memory == null ? 0 : memory.handledSeq();
    String currentRun =
        state.map(s -> s.current() == null ? null : s.current().runId()).orElse(null);
    boolean byAutomation =
        memory != null && memory.runId() != null && memory.runId().equals(currentRun);
    return byAutomation ? handled : Math.max(handled, ownMaterialized);
  }

  private String runningRun(AutomationAssetRecord memory) {
    if (memory == null || memory.runId() == null) {
      return null;
    }
    return store
        .findRun(memory.runId())
        .filter(r -> r.status() == WorkflowStatus.RUNNING)
        .map(RunRecord::runId)
        .orElse(null);
  }

  static long seq(
      Map<String, Map<AssetChangeKind, Long>> latest, String key, AssetChangeKind kind) {
    Map<AssetChangeKind, Long> kinds = latest.get(key);
    Long seq = kinds == null ? null : kinds.get(kind);
    return seq == null ? 0 : seq;
  }

  private AutomationLog log() {
    return store.extension(AutomationLog.class);
  }

  private AssetCatalog catalog() {
    return store.extension(AssetCatalog.class);
  }
}
