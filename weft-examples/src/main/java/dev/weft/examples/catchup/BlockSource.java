package dev.weft.examples.catchup;

/**
 * Where blocks come from: a chain node's RPC endpoint in a real service. Implementations are
 * thread-safe; a fetch may fail (the node is unreachable), and the activity is retried.
 */
public interface BlockSource {

  /**
   * Returns block {@code number}.
   *
   * @throws RuntimeException if the block cannot be fetched now
   */
  Block fetch(long number);
}
