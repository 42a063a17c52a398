package dev.weft.internal.engine;

import dev.weft.engine.WeftClock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run IDs as version-7 UUIDs: a millisecond timestamp, then a counter and random bits. Runs started
 * close together get neighbouring keys, so the rows of concurrent runs (their run row, history,
 * tasks) share B-tree pages instead of scattering over the whole store: a group commit then writes
 * a few pages instead of hundreds.
 *
 * <p>The random bits keep IDs of different nodes apart; they are not a secret (an ID grants
 * nothing), so they come from {@link ThreadLocalRandom}: a {@code SecureRandom} here serialized
 * every start on one lock around reading {@code /dev/urandom}.
 */
public final class TimeOrderedIds {
  private final WeftClock clock;
  private final AtomicLong last = new AtomicLong();

  public TimeOrderedIds(WeftClock clock) {
    this.clock = clock;
  }

  /** Returns a new ID, greater than every ID this generator returned before. */
  public String next() {
    long millis = clock.now().toEpochMilli();
    // 48 bits of time, 12 bits of sequence within the millisecond; strictly increasing
    long stamp = last.updateAndGet(prev -> Math.max(prev + 1, millis << 12));
    long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
