package dev.weft.store.nodes;

import dev.weft.store.Write;
import java.time.Instant;
import java.util.Objects;

/**
 * Forgets the nodes whose last heartbeat is before {@code heartbeatBefore} (dead for long enough).
 * Unconditional: deleting nothing is fine.
 *
 * @param heartbeatBefore nodes that last recorded themselves before this are deleted
 */
public record DeleteNodes(Instant heartbeatBefore) implements Write {
  /** Validates the write. */
  public DeleteNodes {
    Objects.requireNonNull(heartbeatBefore, "heartbeatBefore");
  }

  /** Null: a node belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
