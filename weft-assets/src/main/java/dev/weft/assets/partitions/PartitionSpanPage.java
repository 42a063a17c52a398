package dev.weft.assets.partitions;

import java.util.List;

/**
 * A page of the partitions of an asset in one status.
 *
 * @param spans in index order
 * @param nextPageToken for the next page; null on the last
 */
public record PartitionSpanPage(List<PartitionSpan> spans, String nextPageToken) {

  /** Copies the spans. */
  public PartitionSpanPage {
    spans = List.copyOf(spans);
  }
}
