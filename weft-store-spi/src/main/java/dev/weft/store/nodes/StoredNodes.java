package dev.weft.store.nodes;

import java.util.List;

/**
 * Reads the engine nodes that {@link PutNode} recorded. Obtained from a {@link
 * dev.weft.store.Store} with the engine-nodes extension installed (every SQL store by default):
 *
 * <pre>{@code
 * List<StoredNode> nodes = store.extension(StoredNodes.class).list();
 * }</pre>
 *
 * <p>Thread-safe; reads what was committed when it runs.
 */
public interface StoredNodes {

  /**
   * Returns every recorded node, live or not, by node ID.
   *
   * @throws dev.weft.store.StoreException if the store failed
   */
  List<StoredNode> list();
}
