package dev.weft.internal.runtime;

import java.util.Random;
import java.util.UUID;

/**
 * The randomness of a run's code ({@code Workflow.random()}, {@code Workflow.randomUUID()}, the IDs
 * of child workflows started without one): seeded from the run ID, so replay draws the same values
 * in the same order.
 */
final class WorkflowRandom {
  private final Random random;

  WorkflowRandom(String runId) {
    this.random = new Random(seed(runId));
  }

  Random random() {
    return random;
  }

  /** Returns a version-4 UUID drawn from the run's random sequence. */
  UUID uuid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private static long seed(String runId) {
    try {
      UUID id = UUID.fromString(runId);
      return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    } catch (IllegalArgumentException e) {
      return runId.hashCode();
    }
  }
}
