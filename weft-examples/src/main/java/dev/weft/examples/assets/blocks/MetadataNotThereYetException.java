package dev.weft.examples.assets.blocks;

/** The token metadata of a block has not been published yet: try again later. */
public final class MetadataNotThereYetException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The metadata of block {@code block} is not there yet. */
  public MetadataNotThereYetException(long block) {
    super(
        "the token metadata of block "
            + block
            + " is not there yet: the enrichment is retried, first "
            + BlockAssets.METADATA_RETRY.initialInterval().toMinutes()
            + " minutes later");
  }
}
