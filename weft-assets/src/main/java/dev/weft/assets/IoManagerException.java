package dev.weft.assets;

/**
 * An IO manager could not store or load an asset's value; the message names the asset, the
 * partition and the IO manager.
 */
public final class IoManagerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AssetKey key;

  /**
   * Creates the exception.
   *
   * @param key the asset whose value could not be stored or loaded
   * @param message what went wrong, naming the asset
   * @param cause the underlying failure, or {@code null}
   */
  public IoManagerException(AssetKey key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** Returns the asset whose value could not be stored or loaded. */
  public AssetKey key() {
    return key;
  }
}
