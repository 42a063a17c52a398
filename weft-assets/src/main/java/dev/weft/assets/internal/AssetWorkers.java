package dev.weft.assets.internal;

import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetSelection;
import dev.weft.engine.WeftEngine;
import dev.weft.engine.Worker;
import dev.weft.store.assets.FreshnessPolicyKind;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Registers the built-in workflows of a code location (materialize, asset waits, freshness watches,
 * invalidate, backfill) and the activities they call on one worker of the engine, polling the
 * location's task queue ({@link MaterializeWorkflow#taskQueue}).
 */
public final class AssetWorkers {
  private final WeftEngine engine;
  private final String location;
  private final AssetGraph graph;
  private final Clock clock;

  /** The workers of {@code location}'s {@code graph} on {@code engine}, timestamps from clock. */
  public AssetWorkers(WeftEngine engine, String location, AssetGraph graph, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.location = Objects.requireNonNull(location, "location");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Registers the workflows and their activities. Call it before the engine starts.
   *
   * @param runner computes the steps
   * @param catalogPlanner plans an unpartitioned selection over the catalog's graph, every
   *     location's assets included ({@code CatalogMaterializer.plan})
   * @param invalidator runs invalidations, which need the asset code's partition mappings
   */
  public void register(
      StepRunner runner,
      Function<String, MaterializeRequest> catalogPlanner,
      InvalidateActivities invalidator) {
    Worker worker = engine.newWorker(MaterializeWorkflow.taskQueue(location));
    worker.registerWorkflow(MaterializeWorkflow.class, ParallelMaterializeWorkflow::new);
    worker.registerWorkflow(AwaitAssetWorkflow.class, DurableAssetWait::new);
    worker.registerWorkflow(FreshnessWorkflow.class, FreshnessWatch::new);
    worker.registerWorkflow(InvalidateWorkflow.class, RemoteInvalidation::new);
    worker.registerWorkflow(BackfillWorkflow.class, BackfillRun::new);
    StepActivities steps =
        new StepActivities(engine.namespace(), graph, runner, engine.store(), clock);
    worker
        .registerActivities(steps)
        .registerActivities(
            new BackfillSteps(engine.namespace(), graph, steps, engine.store(), clock))
        .registerActivities(
            new BackfillPlanActivities(engine.namespace(), graph, engine.store(), clock))
        .registerActivities(planning(catalogPlanner))
        .registerActivities(
            new CatalogWaits(engine.namespace(), engine.store(), clock, partitionsContext()))
        .registerActivities(invalidator)
        .registerActivities(freshness());
  }

  private PlanActivities planning(Function<String, MaterializeRequest> catalogPlanner) {
    return new PlanActivities(
        catalogPlanner,
        (selection, partitions, max) -> {
          AssetSelection parsed = AssetSelection.parse(selection);
          return PartitionPlanner.plan(
              Planner.plan(parsed.toString(), graph, parsed.resolve(graph)),
              graph,
              partitions,
              max,
              partitionsContext().now());
        });
  }

  private CatalogFreshness freshness() {
    return new CatalogFreshness(
        engine.namespace(),
        engine.store(),
        clock,
        Map.of(
            FreshnessPolicyKind.MAX_LAG,
            new MaxLagEvaluator(engine.namespace(), engine.store()),
            FreshnessPolicyKind.PARTITION_DEADLINE,
            new PartitionDeadlineEvaluator(engine.namespace(), engine.store(), graph)));
  }

  private CatalogPartitionsContext partitionsContext() {
    return new CatalogPartitionsContext(engine.store(), engine.namespace(), clock, graph);
  }
}
