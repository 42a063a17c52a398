package dev.weft.internal.assembly;

import dev.weft.internal.client.EmbeddedClient;
import dev.weft.internal.engine.NamespaceCatalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The engine's clients, one per namespace: the engine's own made at assembly, another made the
 * first time it is asked for, once the catalog holds its namespace (namespaces are never deleted,
 * so a client made stays valid). Thread-safe.
 */
final class NamespaceClients {
  private final String ownNamespace;
  private final EmbeddedClient own;
  private final NamespaceCatalog catalog;
  private final Function<String, EmbeddedClient> factory;
  private final Map<String, EmbeddedClient> others = new ConcurrentHashMap<>();

  NamespaceClients(
      String ownNamespace,
      EmbeddedClient own,
      NamespaceCatalog catalog,
      Function<String, EmbeddedClient> factory) {
    this.ownNamespace = ownNamespace;
    this.own = own;
    this.catalog = catalog;
    this.factory = factory;
  }

  /**
   * Returns the client of {@code namespace}.
   *
   * @throws dev.weft.failure.NamespaceNotFoundException if the catalog has no such namespace
   */
  EmbeddedClient client(String namespace) {
    if (ownNamespace.equals(namespace)) {
      return own;
    }
    EmbeddedClient made = others.get(namespace);
    if (made != null) {
      return made;
    }
    catalog.find(namespace);
    return others.computeIfAbsent(namespace, factory);
  }
}
