package dev.weft.assets.internal;

import java.util.List;

/**
 * The input of {@link InvalidateWorkflow}: the partitions {@code from}..{@code to} (both included)
 * or {@code keys} of {@code assetKey}.
 *
 * @param assetKey the invalidated asset
 * @param from the first key of a range; null for keys
 * @param to the last key of a range (included); null for keys
 * @param keys the keys; empty for a range
 * @param reason why, kept in the stale reasons
 * @param rematerialize whether to start a materialization of the invalidated partitions
 */
public record InvalidateRequest(
    String assetKey,
    String from,
    String to,
    List<String> keys,
    String reason,
    boolean rematerialize) {

  /** Copies the keys (null: none). */
  public InvalidateRequest {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}
