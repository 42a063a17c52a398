package dev.weft.examples.assets;

import dev.weft.assets.AnnotatedAssets;
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
   * Starts materializing every asset ({@code *}) when none was ever materialized (a fresh catalog,
   * or one from before the examples had assets); returns the started materialization, or empty.
   */
  public static Optional<MaterializationHandle> materializeIfNeverMaterialized(Assets assets) {
    boolean none = assets.status().stream().allMatch(s -> s.status() == AssetStatus.MISSING);
    return none ? Optional.of(assets.materialize("*")) : Optional.empty();
  }
}
