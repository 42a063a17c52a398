package dev.weft.client;

import java.time.Instant;

/**
 * A timer a run is waiting for, as shown by describe.
 *
 * @param seq the run's sequence number of the timer
 * @param fireAt when it fires
 * @param summary the timer's user-facing summary ({@code TimerOptions.summary}), or {@code null}
 */
public record PendingTimer(long seq, Instant fireAt, String summary) {}
