package dev.weft.examples.assets;

import dev.weft.assets.AnnotatedAssets;
import dev.weft.assets.AssetGraph;
import dev.weft.assets.AssetKey;
import dev.weft.assets.AssetNode;
import dev.weft.assets.AssetSelection;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.IoManager;
import dev.weft.assets.MaterializationHandle;
import dev.weft.engine.WeftEngine;
import dev.weft.examples.assets.chain.ChainAssets;
import dev.weft.examples.assets.chain.FakeChain;
import dev.weft.examples.assets.trades.DailyMetricsLogic;
import dev.weft.examples.assets.trades.TradeAssets;
import dev.weft.store.assets.AssetStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two asset examples together (one engine registers one graph per namespace): the chain ({@link
 * ChainAssets}, annotation style) and the trades ({@link TradeAssets}, builder style).
 *
 * <pre>{@code
 * Assets assets = ExampleAssets.register(engine, FileIoManager.json(dir),
 *     FakeChain.generate(ExampleAssets.BLOCKS, ExampleAssets.SEED), DailyMetricsLogic.V1);
 * engine.start();
 * assets.materialize("*").await();
 * }</pre>
 */
public final class ExampleAssets {
  /** The number of blocks of the example chain: three days of blocks every 90 minutes. */
  public static final int BLOCKS = 48;

  /** The seed of the example chain, so that every start sees the same chain. */
  public static final long SEED = 20;

  private ExampleAssets() {}

  /** Returns the definitions of both examples. */
  public static List<AssetsDefinition> definitions(FakeChain chain, DailyMetricsLogic metrics) {
    List<AssetsDefinition> all = new ArrayList<>(AnnotatedAssets.of(new ChainAssets(chain)));
    all.addAll(TradeAssets.definitions(metrics));
    return all;
  }

  /**
   * Registers both examples on the engine (not started yet), their values kept by {@code io}.
   *
   * @throws dev.weft.assets.InvalidAssetGraphException never for these definitions
   */
  public static Assets register(
      WeftEngine engine, IoManager io, FakeChain chain, DailyMetricsLogic metrics) {
    return Assets.builder(engine)
        .definitions(definitions(chain, metrics))
        .ioManager(IoManager.DEFAULT, io)
        .build();
  }

  /**
   * Registers both examples and the partitioned ones ({@link PartitionedExamples}) on the engine
   * (not started yet), their values kept by {@code io}: a {@link PartitionWindowIoManager} over it,
   * so that a partition reading several upstream partitions gets them as {@link PartitionValues}.
   *
   * @throws dev.weft.assets.InvalidAssetGraphException never for these definitions
   */
  public static Assets register(
      WeftEngine engine,
      IoManager io,
      FakeChain chain,
      DailyMetricsLogic metrics,
      PartitionedExamples partitioned) {
    return register(engine, io, chain, metrics, partitioned, Clock.systemUTC());
  }

  /**
   * Registers everything like {@link #register(WeftEngine, IoManager, FakeChain, DailyMetricsLogic,
   * PartitionedExamples)}, the catalog's timestamps (and which time windows exist) from {@code
   * clock}: a test's clock, the engine's.
   */
  public static Assets register(
      WeftEngine engine,
      IoManager io,
      FakeChain chain,
      DailyMetricsLogic metrics,
      PartitionedExamples partitioned,
      Clock clock) {
    List<AssetsDefinition> all = new ArrayList<>(definitions(chain, metrics));
    all.addAll(partitioned.definitions());
    AssetGraph graph = AssetGraph.of(all);
    return Assets.builder(engine)
        .definitions(all)
        .ioManager(
            IoManager.DEFAULT,
            new PartitionWindowIoManager(io, key -> graph.node(key).partitions()))
        .clock(clock)
        .build();
  }

  /**
   * Starts materializing every unpartitioned asset when none was ever materialized (a fresh
   * catalog, or one from before the examples had assets); returns the started materialization, or
   * empty. Partitioned assets are materialized by partitions ({@link
   * PartitionedExamples#materializeIfNeverMaterialized}).
   */
  public static Optional<MaterializationHandle> materializeIfNeverMaterialized(Assets assets) {
    List<AssetKey> unpartitioned =
        assets.graph().nodes().stream()
            .filter(n -> !n.definition().partitioning().partitioned())
            .map(AssetNode::key)
            .toList();
    boolean none =
        assets.status().stream()
            .filter(s -> unpartitioned.contains(AssetKey.of(s.assetKey())))
            .allMatch(s -> s.status() == AssetStatus.MISSING);
    if (!none) {
      return Optional.empty();
    }
    return Optional.of(
        unpartitioned.size() == assets.graph().keys().size()
            ? assets.materialize("*")
            : assets.materialize(AssetSelection.keys(unpartitioned.toArray(AssetKey[]::new))));
  }
}
