package dev.weft.assets;

/** The observe function of an observable source asset: reads the external data's version. */
@FunctionalInterface
public interface AssetObserver {
  /** Returns the current version of the external data (for example a block hash). */
  DataVersion observe(AssetContext context) throws Exception;
}
