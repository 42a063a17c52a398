package dev.weft.store.jdbc.assets;

/** A row of {@code asset_partition_ranges}: {@code [start, end)} with its content. */
record StoredRange(long start, long end, RangeContent content, long updatedAt) {

  long size() {
    return end - start;
  }
}
