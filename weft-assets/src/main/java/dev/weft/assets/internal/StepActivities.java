package dev.weft.assets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.activity.Activity;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.ObservableSourceAsset;
import dev.weft.failure.ApplicationFailure;
import dev.weft.store.Store;
import dev.weft.store.assets.AssetCatalog;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.CheckSeverity;
import dev.weft.store.assets.MaterializationRecord;
import dev.weft.store.assets.RecordCheckResult;
import dev.weft.store.assets.RecordMaterialization;
import dev.weft.store.assets.RecordMaterializationFailure;
import dev.weft.store.assets.RecordObservation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The materialization activities: runs a step with the {@link StepRunner} and adds its catalog
 * records to the activity's completion ({@link Activity#commitWithCompletion}), so the catalog says
 * an asset materialized exactly when the attempt that computed it completed.
 */
public final class StepActivities implements MaterializeActivities {
  private final String namespace;
  private final AssetGraph graph;
  private final Map<String, AssetsDefinition> definitions;
  private final StepRunner runner;
  private final Store store;
  private final Clock clock;
  private final ObjectMapper json = Json.mapper();
  private final PartitionSteps partitions;

  /** Creates the activities of one engine's namespace. */
  public StepActivities(
      String namespace, AssetGraph graph, StepRunner runner, Store store, Clock clock) {
    this.namespace = namespace;
    this.graph = graph;
    this.definitions = new TreeMap<>();
    graph.definitions().forEach(d -> definitions.put(d.name(), d));
    this.runner = runner;
    this.store = store;
    this.clock = clock;
    this.partitions = new PartitionSteps(namespace, graph, runner, store, clock, this::toJson);
  }

  @Override
  public StepOutcome materializePartitions(String step, long start, long end) {
    return partitions.materialize(step, definition(step), start, end);
  }

  @Override
  public void recordPartitionsFailure(
      String step, long start, long end, String errorType, String message) {
    partitions.recordFailure(definition(step), start, end, errorType, message);
  }

  @Override
  public void releasePartitions(List<PlanChunk> chunks) {
    Map<String, List<PlanChunk>> byStep = new TreeMap<>();
    chunks.forEach(c -> byStep.computeIfAbsent(c.step(), s -> new ArrayList<>()).add(c));
    byStep.forEach((step, own) -> partitions.release(definition(step), own));
  }

  @Override
  public StepOutcome materialize(String step) {
    AssetsDefinition definition = definition(step);
    String runId = Activity.getInfo().runId();
    Map<String, String> consumed = consumedVersions(definition);
    StepResult result;
    try {
      result = runner.run(definition, "", runId);
    } catch (StepFailure f) {
      throw new ApplicationFailure(f.getMessage(), f.type(), !f.retryable(), null);
    }
    List<String> keys = new ArrayList<>();
    for (StepResult.Output out : result.outputs()) {
      keys.add(out.key().path());
      if (definition instanceof ObservableSourceAsset) {
        Activity.commitWithCompletion(
            new RecordObservation(
                namespace,
                out.key().path(),
                "",
                out.dataVersion(),
                toJson(out.metadata()),
                result.finishedAt()));
      } else {
        Activity.commitWithCompletion(
            new RecordMaterialization(
                namespace,
                new MaterializationRecord(
                    out.key().path(),
                    "",
                    runId,
                    out.dataVersion(),
                    out.codeVersion(),
                    consumed,
                    toJson(out.metadata()),
                    result.startedAt(),
                    result.finishedAt())));
      }
    }
    List<String> blocking = new ArrayList<>();
    for (StepResult.CheckRun check : result.checks()) {
      Activity.commitWithCompletion(
          new RecordCheckResult(
              namespace,
              check.key().path(),
              "",
              check.name(),
              runId,
              check.passed(),
              CheckSeverity.valueOf(check.severity().name()),
              check.blocking(),
              toJson(check.metadata()),
              result.finishedAt()));
      if (check.blocking() && !check.passed()) {
        blocking.add(check.key().path() + ":" + check.name());
      }
    }
    String status = definition instanceof ObservableSourceAsset ? "OBSERVED" : "MATERIALIZED";
    return new StepOutcome(step, keys, status, null, null, blocking);
  }

  @Override
  public void recordFailure(String step, String errorType, String message) {
    String runId = Activity.getInfo().runId();
    for (var spec : definition(step).specs()) {
      Activity.commitWithCompletion(
          new RecordMaterializationFailure(
              namespace,
              spec.key().path(),
              "",
              runId,
              errorType,
              message == null ? "" : message,
              clock.instant()));
    }
  }

  private AssetsDefinition definition(String step) {
    AssetsDefinition definition = definitions.get(step);
    if (definition == null) {
      throw new ApplicationFailure(
          "no asset definition named " + step + " is registered on this engine",
          "UnknownAssetDefinition",
          true,
          null);
    }
    return definition;
  }

  /** The data version of each upstream as it is now: what this compute consumes. */
  private Map<String, String> consumedVersions(AssetsDefinition definition) {
    AssetCatalog catalog = store.extension(AssetCatalog.class);
    Map<String, String> versions = new TreeMap<>();
    AssetNode node = graph.node(definition.specs().get(0).key());
    for (AssetKey up : node.upstream()) {
      catalog
          .state(namespace, up.path(), "")
          .map(AssetStateRecord::dataVersion)
          .ifPresent(v -> versions.put(up.path(), v));
    }
    return versions;
  }

  private String toJson(Map<String, Object> metadata) {
    try {
      return json.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      return "{\"error\":\"metadata is not JSON: "
          + e.getOriginalMessage().replace("\"", "'")
          + "\"}";
    }
  }
}
