package dev.weft.assets;

/**
 * Entry point of the builder style of asset definitions (the annotation style is {@link
 * dev.weft.assets.annotation.Asset @Asset} on methods, read by {@link AnnotatedAssets}).
 *
 * <pre>{@code
 * AssetDefinition decoded = Asset.builder("chain/decoded_blocks")
 *     .group("chain")
 *     .codeVersion("v1")
 *     .input("chain/raw_blocks", RawBlocks.class)
 *     .output(Decoded.class)
 *     .check(AssetCheck.<Decoded>error("non_empty", d -> CheckResult.of(d.size() > 0)).asBlocking())
 *     .compute(ctx -> Decoder.decode(ctx.input("chain/raw_blocks", RawBlocks.class)));
 * }</pre>
 */
public final class Asset {
  private Asset() {}

  /**
   * Returns a builder of the single asset at {@code path}.
   *
   * @throws IllegalArgumentException naming a bad key segment
   */
  public static AssetBuilder<Object> builder(String path) {
    return new AssetBuilder<>(AssetKey.of(path));
  }

  /**
   * Returns a builder of a multi-asset named {@code name}: one compute, several outputs.
   *
   * @throws IllegalArgumentException when the name is not {@code [A-Za-z0-9_/]+}
   */
  public static MultiAssetBuilder multi(String name) {
    return new MultiAssetBuilder(name);
  }

  /**
   * Returns a builder of the observable source asset at {@code path}.
   *
   * @throws IllegalArgumentException naming a bad key segment
   */
  public static ObservableSourceBuilder observableSource(String path) {
    return new ObservableSourceBuilder(AssetKey.of(path));
  }
}
