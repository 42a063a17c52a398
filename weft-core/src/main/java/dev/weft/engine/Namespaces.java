package dev.weft.engine;

import java.util.List;

/**
 * The namespace catalog of an engine's store ({@link WeftEngine#namespaces()}). A namespace
 * separates workflows: workflow IDs, listings and counts are per namespace, and each namespace has
 * its own retention. Runs of every namespace are executed by the same workers (task queues are not
 * per namespace); a client for a namespace is {@link WeftEngine#client(String)}. The engine's own
 * namespace ({@link WeftEngine.Builder#namespace}) is created when the engine starts, if missing.
 * Namespaces are never deleted.
 *
 * <pre>{@code
 * Namespaces namespaces = engine.namespaces();
 * namespaces.create(new NamespaceConfig("payments", "card payments", Duration.ofDays(7)));
 * namespaces.update("payments", NamespaceUpdate.retention(Duration.ofDays(14)));
 * WeftClient payments = engine.client("payments");
 * }</pre>
 *
 * <p>Thread-safe. Every method reads or writes the store.
 */
public interface Namespaces {

  /**
   * Creates a namespace.
   *
   * @return the namespace as stored
   * @throws dev.weft.failure.NamespaceAlreadyExistsException if one of that name exists (nothing
   *     changes)
   */
  NamespaceDescription create(NamespaceConfig config);

  /**
   * Returns a namespace.
   *
   * @throws dev.weft.failure.NamespaceNotFoundException if there is none of that name
   */
  NamespaceDescription describe(String name);

  /**
   * Changes a namespace's description or retention (the settings the update gives). A new retention
   * applies from the next retention sweep.
   *
   * @return the namespace after the change
   * @throws dev.weft.failure.NamespaceNotFoundException if there is none of that name (nothing
   *     changes)
   */
  NamespaceDescription update(String name, NamespaceUpdate update);

  /** Returns every namespace, ordered by name. */
  List<NamespaceDescription> list();
}
