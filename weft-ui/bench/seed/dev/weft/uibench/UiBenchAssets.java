package dev.weft.uibench;

import dev.weft.assets.Asset;
import dev.weft.assets.AssetBuilder;
import dev.weft.assets.Assets;
import dev.weft.assets.AssetsDefinition;
import dev.weft.assets.InMemoryIoManager;
import dev.weft.assets.IoManager;
import dev.weft.engine.WeftEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The browser benchmark's asset graph: {@value #ASSETS} no-op assets in {@value #LAYERS} layers
 * ({@code l03/a0042}, group {@code l3}), each reading up to {@value #FAN_IN} assets of the layer
 * above: the shape of {@code weft bench assets} (weft-benchmarks' {@code AssetsWorkload.graph}), so
 * that the lineage page and the catalog are measured on the graph the engine's figures are.
 */
final class UiBenchAssets {
  static final int ASSETS = 1_000;
  static final int LAYERS = 10;
  static final int FAN_IN = 3;

  private UiBenchAssets() {}

  /** Registers the graph on {@code engine} (not started yet), its values kept in memory. */
  static Assets register(WeftEngine engine) {
    return Assets.builder(engine)
        .definitions(graph(ASSETS, LAYERS))
        .ioManager(IoManager.DEFAULT, new InMemoryIoManager())
        .build();
  }

  /** Returns {@code n} no-op assets in {@code layers} layers. */
  static List<AssetsDefinition> graph(int n, int layers) {
    List<AssetsDefinition> all = new ArrayList<>(n);
    List<String> above = List.of();
    int index = 0;
    for (int layer = 0; layer < layers; layer++) {
      int width = n / layers + (layer < n % layers ? 1 : 0);
      List<String> keys = new ArrayList<>(width);
      for (int j = 0; j < width; j++) {
        String key = String.format(Locale.ROOT, "l%02d/a%04d", layer, index++);
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
}
