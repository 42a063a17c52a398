package dev.weft.store.nodes;

import dev.weft.store.Write;
import java.util.Objects;

/**
 * Records an engine node, or records it again (its heartbeat): inserts the node's row, or replaces
 * every field of the row with this node ID. Unconditional. Applied by the engine-nodes store
 * extension; read back with {@link StoredNodes}.
 *
 * @param node the node as it is now
 */
public record PutNode(StoredNode node) implements Write {
  /** Validates the write. */
  public PutNode {
    Objects.requireNonNull(node, "node");
  }

  /** Null: a node belongs to no run. */
  @Override
  public String runId() {
    return null;
  }
}
