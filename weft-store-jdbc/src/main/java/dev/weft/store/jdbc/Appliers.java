package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import dev.weft.store.Write;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The appliers of a store by the exact class of the write they apply, the core's and its
 * extensions', filled once while the store is built and only read afterwards: the writer looks each
 * write's applier up with one identity hash lookup (no allocation, no chain of type tests).
 */
final class Appliers {
  private final Map<Class<?>, Applier<?>> byClass = new IdentityHashMap<>();

  /** Who registered each kind, for the error when two claim the same one. */
  private final Map<Class<?>, String> owners = new HashMap<>();

  /** Registers the core's applier of a kind of write. */
  <W extends Write> void add(Class<W> type, Applier<? super W> applier) {
    add(type, applier, "the core");
  }

  /**
   * Registers the applier of a kind of write.
   *
   * @param owner who registers it, for errors ("the core", "extension 'update-outcomes'")
   * @throws StoreException if that kind has an applier already, naming both owners
   */
  <W extends Write> void add(Class<W> type, Applier<? super W> applier, String owner) {
    String before = owners.putIfAbsent(type, owner);
    if (before != null) {
      throw new StoreException(
          owner
              + " registers an applier for writes of "
              + type.getName()
              + ", which "
              + before
              + " applies already");
    }
    byClass.put(type, applier);
  }

  /** Returns the applier of writes of exactly this class, or null if none was registered. */
  @SuppressWarnings("unchecked")
  Applier<Write> of(Class<?> type) {
    return (Applier<Write>) byClass.get(type);
  }
}
