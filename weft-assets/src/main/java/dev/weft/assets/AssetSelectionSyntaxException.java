package dev.weft.assets;

/**
 * A selection could not be parsed: the message names the offending token and its position, for
 * example {@code unexpected '=' at position 7: expected an asset key, '*', group:NAME or
 * tag:NAME=VALUE}.
 */
public final class AssetSelectionSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the token and position
   * @param position the 1-based position of the offending token in the selection
   */
  public AssetSelectionSyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** Returns the 1-based position of the offending token in the selection. */
  public int position() {
    return position;
  }
}
