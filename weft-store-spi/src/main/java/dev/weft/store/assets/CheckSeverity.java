package dev.weft.store.assets;

/** How much a failed asset check matters. */
public enum CheckSeverity {
  /** Worth a look; the asset is still usable. */
  WARN,
  /** The asset's data is wrong. */
  ERROR
}
