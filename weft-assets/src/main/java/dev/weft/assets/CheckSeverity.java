package dev.weft.assets;

/** How serious a failed {@link AssetCheck} is. */
public enum CheckSeverity {
  /** A failure worth showing, not an error. */
  WARN,
  /** A failure that is an error. */
  ERROR
}
