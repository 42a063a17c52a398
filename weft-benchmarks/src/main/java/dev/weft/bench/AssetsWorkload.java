package dev.weft.bench;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetBuilder;
import dev.weft.assets.AssetOutcome;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.assets.MaterializationHandle;
import dev.weft.assets.MaterializationResult;
import dev.weft.cli.StoreKind;
import dev.weft.engine.WeftEngine;
import dev.weft.history.HistoryEvent;
import dev.weft.store.assets.AssetStateRecord;
import dev.weft.store.assets.AssetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A graph of N assets in L layers of no-op computes (each reads up to three assets of the layer
 * above), materialized as one selection ({@code *}) on the run's store; then the status of every
 * asset read {@value #STATUS_READS} times ({@link Assets#status()}, one catalog query each). Values
 * are kept in memory: the figures are the engine's and the catalog's, not an IO manager's.
 *
 * <p>{@code wall_s} is the materialization alone (from the request to the awaited result); what the
 * materialization did is reported from its workflow's history (workflow tasks, activities, events),
 * so that a slow run can be profiled per asset.
 */
final class AssetsWorkload implements Workload {
  /** Assets unless {@code --activities} says otherwise. */
  static final int ASSETS = 1_000;

  /** Layers unless {@code --length} says otherwise. */
  static final int LAYERS = 10;

  /** How many times the status of every asset is read. */
  static final int STATUS_READS = 50;

  /** How many assets of the layer above each asset reads, at most. */
  static final int FAN_IN = 3;

  @Override
  public String name() {
    return "assets";
  }

  @Override
  public String description() {
    return "N assets in L layers of no-op computes materialized as one selection, then the status"
        + " of all read "
        + STATUS_READS
        + " times (--activities assets, --length layers)";
  }

  @Override
  public void validate(BenchOptions options, StoreKind store) {
    Workload.super.validate(options, store);
    int assets = options.activities(ASSETS);
    int layers = options.length(LAYERS);
    if (layers > assets) {
      throw new IllegalArgumentException(
          "--length (layers of assets) must be at most --activities (assets): "
              + layers
              + " layers of "
              + assets
              + " assets");
    }
  }

  @Override
  public Optional<BenchOptions> warmUp(BenchOptions options) {
    int layers = options.length(LAYERS);
    int assets = Math.max(layers, options.activities(ASSETS) / 10);
    return Optional.of(
        new BenchOptions(
            options.store(),
            options.workflows(),
            assets,
            layers,
            options.maxDelaySeconds(),
            options.nodes(),
            options.clients()));
  }

  @Override
  public Figures run(BenchEnvironment env, BenchOptions options) throws Exception {
    int n = options.activities(ASSETS);
    int layers = options.length(LAYERS);
    List<AssetsDefinition> definitions = graph(n, layers);
    AtomicReference<Assets> registered = new AtomicReference<>();
    try (WeftEngine engine =
        env.startEngine(
            e ->
                registered.set(
                    Assets.builder(e)
                        .definitions(definitions)
                        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
                        .build()))) {
      Assets assets = registered.get();
      long start = System.nanoTime();
      MaterializationHandle handle = assets.materialize("*");
      MaterializationResult result = handle.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      int materialized = result.keys(AssetOutcome.Status.MATERIALIZED).size();
      if (materialized != n) {
        throw new IllegalStateException(
            "only " + materialized + " of " + n + " assets materialized: " + result);
      }
      env.say(String.format("  materialized %d assets in %.3f s", n, seconds));
      long[] reads = new long[STATUS_READS];
      for (int i = 0; i < STATUS_READS; i++) {
        long t0 = System.nanoTime();
        List<AssetStateRecord> states = assets.status();
        reads[i] = System.nanoTime() - t0;
        if (i == 0) {
          checkAllFresh(states, n);
        }
      }
      Map<String, Integer> events = eventCounts(engine, handle.workflowId());
      return new Figures()
          .put("assets", n)
          .put("layers", layers)
          .put("materialize_s", seconds)
          .put("assets_per_s", n / seconds)
          .put("status_reads", STATUS_READS)
          .put("status_p50_ms", Figures.percentileMillis(reads, 50))
          .put("status_max_ms", Figures.percentileMillis(reads, 100))
          .put("workflow_tasks", events.getOrDefault("WorkflowTaskCompleted", 0))
          .put("activities", events.getOrDefault("ActivityScheduled", 0))
          .put("history_events", events.values().stream().mapToInt(Integer::intValue).sum())
          .wallSeconds(seconds);
    }
  }

  /**
   * Returns {@code n} no-op assets in {@code layers} layers ({@code l03/a0042}); an asset of layer
   * {@code l > 0} reads up to {@link #FAN_IN} assets of layer {@code l - 1}.
   */
  static List<AssetsDefinition> graph(int n, int layers) {
    List<AssetsDefinition> all = new ArrayList<>(n);
    List<String> above = List.of();
    int index = 0;
    for (int layer = 0; layer < layers; layer++) {
      int width = n / layers + (layer < n % layers ? 1 : 0);
      List<String> keys = new ArrayList<>(width);
      for (int j = 0; j < width; j++) {
        String key = String.format("l%02d/a%04d", layer, index++);
        AssetBuilder<Object> asset = Asset.builder(key).group("l" + layer);
        for (int k = 0; k < Math.min(FAN_IN, above.size()); k++) {
          asset.input(above.get((j + k) % above.size()), Integer.class);
        }
        all.add(asset.output(Integer.class).compute(ctx -> 1));
        keys.add(key);
      }
      above = keys;
    }
    return all;
  }

  private static void checkAllFresh(List<AssetStateRecord> states, int n) {
    long fresh = states.stream().filter(s -> s.status() == AssetStatus.FRESH).count();
    if (states.size() != n || fresh != n) {
      throw new IllegalStateException(
          "the status read " + states.size() + " assets, " + fresh + " fresh; expected " + n);
    }
  }

  private static Map<String, Integer> eventCounts(WeftEngine engine, String workflowId) {
    Map<String, Integer> counts = new TreeMap<>();
    for (HistoryEvent e : engine.client().getHandle(workflowId).fetchHistory().events()) {
      counts.merge(e.type(), 1, Integer::sum);
    }
    return counts;
  }
}
