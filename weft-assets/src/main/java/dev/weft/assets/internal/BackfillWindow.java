package dev.weft.assets.internal;

import java.util.Map;

/**
 * One window of a backfill, as its planning local activity returns it.
 *
 * @param status the backfill row's status when planned ({@code PAUSED}, {@code CANCELING}...)
 * @param request the window's steps and chunks; null when the row ended or is canceling
 * @param nextOffset where the next window starts; -1 after the last
 * @param skipped the chunks (by position in the request) to record SKIPPED without running, with
 *     why: an upstream partition they read did not materialize in an earlier window, which the
 *     window's own chunk links cannot see; empty when none (and in histories recorded before it)
 */
public record BackfillWindow(
    String status, MaterializeRequest request, long nextOffset, Map<Integer, String> skipped) {

  /** Copies the map; null (a history recorded without it) is empty. */
  public BackfillWindow {
    skipped = skipped == null ? Map.of() : Map.copyOf(skipped);
  }

  /** This window with {@code skipped} as the chunks skipped before it runs. */
  public BackfillWindow withSkipped(Map<Integer, String> skipped) {
    return new BackfillWindow(status, request, nextOffset, skipped);
  }
}
