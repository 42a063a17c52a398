package dev.weft.assets;

/** The compute of a multi-asset: returns a value for each of its outputs. */
@FunctionalInterface
public interface MultiAssetCompute {
  /** Computes the outputs; a missing or extra output fails the materialization, naming it. */
  AssetOutputs compute(AssetContext context) throws Exception;
}
