package dev.weft.assets.internal;

/**
 * One window of a backfill, as its planning local activity returns it.
 *
 * @param status the backfill row's status when planned ({@code PAUSED}, {@code CANCELING}...)
 * @param request the window's steps and chunks; null when the row ended or is canceling
 * @param nextOffset where the next window starts; -1 after the last
 */
public record BackfillWindow(String status, MaterializeRequest request, long nextOffset) {}
