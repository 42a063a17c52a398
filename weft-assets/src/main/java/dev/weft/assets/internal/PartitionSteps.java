package dev.weft.assets.internal;

import dev.weft.activity.Activity;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetPartitions;
import dev.weft.assets.AssetSpec;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.ObservableSourceAsset;
import dev.weft.assets.partitions.PartitionCascade;
import dev.weft.assets.partitions.PartitionKeyException;
import dev.weft.assets.partitions.PartitionsContext;
import dev.weft.assets.partitions.PartitionsDefinition;
import dev.weft.failure.ApplicationFailure;
import dev.weft.store.Batch;
import dev.weft.store.CommitResult;
import dev.weft.store.Store;
import dev.weft.store.Write;
import dev.weft.store.assets.CheckSeverity;
import dev.weft.store.assets.RecordCheckResult;
import dev.weft.store.assets.StaleReason;
import dev.weft.store.assets.StaleReasonKind;
import dev.weft.store.assets.partitions.CascadeTarget;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import dev.weft.store.assets.partitions.MarkPartitionsInProgress;
import dev.weft.store.assets.partitions.PartitionMaterialization;
import dev.weft.store.assets.partitions.PartitionRangeState;
import dev.weft.store.assets.partitions.PartitionStatusReader;
import dev.weft.store.assets.partitions.RecordPartitionsFailed;
import dev.weft.store.assets.partitions.RecordPartitionsMaterialized;
import dev.weft.store.assets.partitions.ReleasePartitionsInProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The partitioned half of the materialization activities: claims a chunk's partitions, runs the
 * compute once for them with their mapped inputs, and adds {@link RecordPartitionsMaterialized}
 * (with the downstream partitions it makes stale, from {@link PartitionCascade}) to the activity's
 * completion; a failed attempt releases its claim.
 */
final class PartitionSteps {
  private final String namespace;
  private final AssetGraph graph;
  private final PartitionCascade cascade;
  private final StepRunner runner;
  private final Store store;
  private final Clock clock;
  private final Function<Map<String, Object>, String> json;
  private final CatalogPartitionsContext contexts;

  PartitionSteps(
      String namespace,
      AssetGraph graph,
      StepRunner runner,
      Store store,
      Clock clock,
      Function<Map<String, Object>, String> json) {
    this.namespace = namespace;
    this.graph = graph;
    this.cascade = PartitionCascade.of(graph);
    this.runner = runner;
    this.store = store;
    this.clock = clock;
    this.json = json;
    this.contexts = new CatalogPartitionsContext(store, namespace, clock, graph);
  }

  StepOutcome materialize(String step, AssetsDefinition definition, long start, long end) {
    String runId = Activity.getInfo().runId();
    PartitionsContext ctx = contexts.now();
    AssetKey first = definition.specs().get(0).key();
    PartitionsDefinition partitions = graph.node(first).partitions();
    IndexRangeSet set = IndexRangeSet.of(new IndexRange(start, end));
    List<String> keys = keys(first, partitions, start, end, ctx);
    PartitionRun run =
        new PartitionRun(new IndexRange(start, end), keys, PartitionRun.textOf(keys));
    if (definition instanceof ObservableSourceAsset source) {
      return observe(source, start, keys, runId, run);
    }
    List<Write> claims = new ArrayList<>();
    List<Write> releases = new ArrayList<>();
    for (AssetSpec spec : definition.specs()) {
      String key = spec.key().path();
      claims.add(new MarkPartitionsInProgress(namespace, key, set, runId, clock.instant()));
      releases.add(new ReleasePartitionsInProgress(namespace, key, set, runId, clock.instant()));
    }
    commit(claims, step, run);
    Map<AssetKey, IndexRangeSet> reads = cascade.upstreamOf(first, set, ctx);
    StepResult result;
    try {
      result = runner.run(definition, run, inputPartitions(reads, ctx), runId);
    } catch (StepFailure f) {
      commit(releases, step, run);
      throw new ApplicationFailure(
          "partitions " + run.text() + ": " + f.getMessage(), f.type(), !f.retryable(), null);
    }
    Map<String, String> consumed = consumedVersions(reads);
    List<String> blocking = new ArrayList<>();
    for (StepResult.Output out : result.outputs()) {
      Activity.commitWithCompletion(
          new RecordPartitionsMaterialized(
              namespace,
              out.key().path(),
              set,
              run.text(),
              new PartitionMaterialization(
                  runId,
                  out.dataVersion(),
                  out.codeVersion(),
                  consumed,
                  json.apply(out.metadata()),
                  result.startedAt(),
                  result.finishedAt()),
              targets(out.key(), set, run.text(), out.dataVersion(), ctx)));
    }
    for (StepResult.CheckRun check : result.checks()) {
      Activity.commitWithCompletion(
          new RecordCheckResult(
              namespace,
              check.key().path(),
              run.text(),
              check.name(),
              runId,
              check.passed(),
              CheckSeverity.valueOf(check.severity().name()),
              check.blocking(),
              json.apply(check.metadata()),
              result.finishedAt()));
      if (check.blocking() && !check.passed()) {
        blocking.add(check.key().path() + ":" + check.name());
      }
    }
    return new StepOutcome(
        run.text(),
        definition.specs().stream().map(s -> s.key().path()).toList(),
        "MATERIALIZED",
        null,
        null,
        blocking);
  }

  /**
   * The keys of partitions {@code [start, end)} now; a partition whose key is gone (a dynamic key
   * removed after the run was planned) fails the chunk, not retried, naming asset, index and
   * definition (the workflow adds the key it planned).
   */
  private static List<String> keys(
      AssetKey asset,
      PartitionsDefinition partitions,
      long start,
      long end,
      PartitionsContext ctx) {
    List<String> keys = new ArrayList<>();
    try {
      for (long i = start; i < end; i++) {
        keys.add(partitions.key(i, ctx));
      }
    } catch (PartitionKeyException e) {
      throw new ApplicationFailure(
          e.forAsset(asset).getMessage()
              + ": the partition was removed after the run was planned; nothing computed",
          PartitionKeyException.class.getSimpleName(),
          true,
          null);
    }
    return keys;
  }

  void recordFailure(
      AssetsDefinition definition, long start, long end, String errorType, String message) {
    String runId = Activity.getInfo().runId();
    PartitionsContext ctx = contexts.now();
    PartitionsDefinition partitions = graph.node(definition.specs().get(0).key()).partitions();
    String text;
    try {
      text = PartitionPlanner.text(partitions, start, end, ctx);
    } catch (PartitionKeyException gone) {
      return; // a removed dynamic partition: no status to record (the run's outcome says why)
    }
    for (AssetSpec spec : definition.specs()) {
      Activity.commitWithCompletion(
          new RecordPartitionsFailed(
              namespace,
              spec.key().path(),
              IndexRangeSet.of(new IndexRange(start, end)),
              text,
              runId,
              errorType,
              message == null ? "" : message,
              clock.instant()));
    }
  }

  /**
   * Observes each partition of the chunk (the observe function once per partition, {@code
   * ctx.partitionKey()} its key) and records their data versions with {@link
   * AssetPartitions#recordObservations}: only partitions whose version changed make their
   * downstream partitions stale. Committed by this attempt itself (observations are idempotent),
   * checked against the versions it read, retried on a conflicting write.
   */
  private StepOutcome observe(
      ObservableSourceAsset source, long start, List<String> keys, String runId, PartitionRun run) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      PartitionRun one =
          new PartitionRun(IndexRange.of(start + i), List.of(keys.get(i)), keys.get(i));
      try {
        StepResult result = runner.run(source, one, Map.of(), runId);
        versions.put(keys.get(i), result.outputs().get(0).dataVersion());
      } catch (StepFailure f) {
        throw new ApplicationFailure(
            "partition " + keys.get(i) + ": " + f.getMessage(), f.type(), !f.retryable(), null);
      }
    }
    AssetPartitions.of(store, namespace, graph, clock).recordObservations(source.key(), versions);
    return new StepOutcome(
        run.text(), List.of(source.key().path()), "OBSERVED", null, null, List.of());
  }

  /** Releases the calling run's claims on the chunks' partitions of the definition's assets. */
  void release(AssetsDefinition definition, List<PlanChunk> chunks) {
    String runId = Activity.getInfo().runId();
    List<IndexRange> ranges = new ArrayList<>();
    chunks.forEach(c -> ranges.add(new IndexRange(c.start(), c.end())));
    IndexRangeSet set = IndexRangeSet.of(ranges);
    for (AssetSpec spec : definition.specs()) {
      Activity.commitWithCompletion(
          new ReleasePartitionsInProgress(
              namespace, spec.key().path(), set, runId, clock.instant()));
    }
  }

  /** The partition text each input is loaded for: the mapped upstream partitions' keys. */
  private Map<AssetKey, String> inputPartitions(
      Map<AssetKey, IndexRangeSet> reads, PartitionsContext ctx) {
    Map<AssetKey, String> out = new LinkedHashMap<>();
    for (var read : reads.entrySet()) {
      AssetNode up = graph.node(read.getKey());
      if (!up.definition().partitioning().partitioned()) {
        out.put(read.getKey(), "");
        continue;
      }
      List<String> texts = new ArrayList<>();
      for (IndexRange r : read.getValue().ranges()) {
        texts.add(PartitionPlanner.text(up.partitions(), r.start(), r.end(), ctx));
      }
      out.put(read.getKey(), String.join(",", texts));
    }
    return out;
  }

  /** The data version of the first partition read of each partitioned upstream, as it is now. */
  private Map<String, String> consumedVersions(Map<AssetKey, IndexRangeSet> reads) {
    PartitionStatusReader reader = store.extension(PartitionStatusReader.class);
    Map<String, String> versions = new TreeMap<>();
    for (var read : reads.entrySet()) {
      if (!graph.node(read.getKey()).definition().partitioning().partitioned()) {
        continue;
      }
      long index = read.getValue().ranges().get(0).start();
      reader
          .status(namespace, read.getKey().path(), index)
          .map(PartitionRangeState::dataVersion)
          .ifPresent(v -> versions.put(read.getKey().path(), v));
    }
    return versions;
  }

  private List<CascadeTarget> targets(
      AssetKey changed, IndexRangeSet set, String text, String version, PartitionsContext ctx) {
    List<CascadeTarget> targets = new ArrayList<>();
    for (PartitionCascade.Reached reached : cascade.downstreamOf(changed, set, ctx)) {
      StaleReason reason =
          reached.via().contains(changed)
              ? new StaleReason(
                  StaleReasonKind.UPSTREAM_NEWER_DATA,
                  changed.path(),
                  changed.path(),
                  "upstream "
                      + changed
                      + " has newer data: partitions "
                      + text
                      + " rematerialized (data version "
                      + version
                      + ")")
              : StaleReason.upstreamStale(reached.via().get(0).path(), changed.path());
      targets.add(new CascadeTarget(reached.asset().path(), reached.partitions(), reason));
    }
    return targets;
  }

  private void commit(List<Write> writes, String step, PartitionRun run) {
    CommitResult result = store.commit(new Batch(writes)).join();
    if (result instanceof CommitResult.Conflict conflict) {
      throw new ApplicationFailure(
          "step " + step + ", partitions " + run.text() + ": " + conflict.reason(),
          "PartitionClaimConflict",
          false,
          null);
    }
  }
}
