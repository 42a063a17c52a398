package dev.weft.store.webhooks;

import dev.weft.store.StoreException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the webhooks that {@link ReplaceWebhooks} recorded. Obtained from a {@link
 * dev.weft.store.Store} with the webhooks extension installed (every SQL store by default):
 *
 * <pre>{@code
 * Optional<StoredWebhook> hook = store.extension(StoredWebhooks.class).find("default", "approve");
 * }</pre>
 *
 * <p>Thread-safe; reads what was committed when it runs.
 */
public interface StoredWebhooks {

  /**
   * Returns the hook of this name in the namespace; empty if there is none.
   *
   * @throws StoreException if the store failed
   */
  Optional<StoredWebhook> find(String namespace, String name);

  /**
   * Returns the hooks of the namespace, by name.
   *
   * @throws StoreException if the store failed
   */
  List<StoredWebhook> list(String namespace);
}
