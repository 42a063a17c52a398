package dev.weft.assets;

import dev.weft.assets.internal.AnnotationReader;
import java.util.List;

/**
 * Reads the annotation style of asset definitions: every {@link
 * dev.weft.assets.annotation.Asset @Asset}, {@link
 * dev.weft.assets.annotation.MultiAsset @MultiAsset} and {@link
 * dev.weft.assets.annotation.ObservableSource @ObservableSource} method of an object becomes a
 * definition, with the {@link dev.weft.assets.annotation.Check @Check} methods of the same object
 * attached to the assets they name.
 *
 * <pre>{@code
 * public class ChainAssets {
 *   @Asset(key = "chain/decoded_blocks", group = "chain")
 *   public Decoded decode(@Input("chain/raw_blocks") RawBlocks raw) { ... }
 * }
 * List<AssetsDefinition> defs = AnnotatedAssets.of(new ChainAssets());
 * }</pre>
 */
public final class AnnotatedAssets {
  private AnnotatedAssets() {}

  /**
   * Returns the definitions of the object's annotated methods, in method-name order.
   *
   * @throws IllegalArgumentException naming the method when a parameter is neither {@code @Input}
   *     nor an {@link AssetContext}, a check names an asset the object does not define or has the
   *     wrong shape, a return type does not fit its annotation, or a value is malformed
   */
  public static List<AssetsDefinition> of(Object instance) {
    return new AnnotationReader(instance).definitions();
  }
}
