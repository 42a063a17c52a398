package dev.weft.assets;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An unpartitioned materialization was asked for a selection that holds partitioned assets: their
 * computes expect partition keys, and the catalog keeps their status per partition, so a run
 * without partitions cannot compute them. Refused before anything starts, whether the selection
 * names the assets ({@code market/prices}), reaches them ({@code +market/report}) or takes them
 * with everything else ({@code *}, {@code group:...}, {@code tag:...}): Weft never leaves selected
 * assets out silently. Materialize their partitions instead ({@link Assets#materialize(String,
 * PartitionSelection)} or a backfill), and select the unpartitioned assets without them.
 *
 * <p>The message names at most five of the partitioned assets ({@code ... and 3 more}); {@link
 * #partitionedKeys()} holds them all.
 */
public final class SelectionHasPartitionedAssetsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int NAMED = 5;

  private final String selection;
  private final transient List<AssetKey> partitioned;
  private final boolean onlyPartitioned;

  private SelectionHasPartitionedAssetsException(
      String message, String selection, List<AssetKey> partitioned, boolean onlyPartitioned) {
    super(message);
    this.selection = selection;
    this.partitioned = partitioned;
    this.onlyPartitioned = onlyPartitioned;
  }

  /**
   * Returns the exception for {@code selection}, whose resolved assets include {@code partitioned}
   * (not empty); {@code onlyPartitioned} tells whether it selected nothing else.
   *
   * @throws IllegalArgumentException if {@code partitioned} is empty
   */
  public static SelectionHasPartitionedAssetsException of(
      String selection, Collection<AssetKey> partitioned, boolean onlyPartitioned) {
    if (partitioned.isEmpty()) {
      throw new IllegalArgumentException(
          "partitioned is empty: expected the partitioned assets of selection " + selection);
    }
    List<AssetKey> keys = partitioned.stream().distinct().sorted().toList();
    String named =
        keys.stream().limit(NAMED).map(AssetKey::path).collect(Collectors.joining(", "))
            + (keys.size() > NAMED ? " and " + (keys.size() - NAMED) + " more" : "");
    String message =
        "selection '"
            + selection
            + "' holds partitioned "
            + (keys.size() == 1 ? "asset " : "assets ")
            + named
            + ", which a materialization without partitions cannot compute: materialize their"
            + " partitions with materialize(selection, PartitionSelection) or a backfill"
            + (onlyPartitioned ? "" : ", and select the unpartitioned assets without them");
    return new SelectionHasPartitionedAssetsException(message, selection, keys, onlyPartitioned);
  }

  /** Returns the refused selection. */
  public String selection() {
    return selection;
  }

  /** Returns every partitioned asset the selection holds, in key order. */
  public List<AssetKey> partitionedKeys() {
    return partitioned;
  }

  /**
   * Returns the selection to backfill instead: the refused selection when it held only partitioned
   * assets, else the partitioned keys ({@code a/b, c/d}).
   */
  public String backfillSelection() {
    return onlyPartitioned
        ? selection
        : partitioned.stream().map(AssetKey::path).collect(Collectors.joining(", "));
  }
}
