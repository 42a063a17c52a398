package dev.weft.store.jdbc;

import dev.weft.store.Write;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The appliers of a store by the exact class of the write they apply, filled once when the store is
 * built and only read afterwards: the writer looks each write's applier up with one identity hash
 * lookup (no allocation, no chain of type tests).
 */
final class Appliers {
  private final Map<Class<?>, Applier<?>> byClass = new IdentityHashMap<>();

  /**
   * Registers the applier of a kind of write.
   *
   * @throws IllegalStateException if that kind has an applier already
   */
  <W extends Write> void add(Class<W> type, Applier<? super W> applier) {
    Applier<?> before = byClass.putIfAbsent(type, applier);
    if (before != null) {
      throw new IllegalStateException("writes of " + type.getName() + " have an applier already");
    }
  }

  /** Returns the applier of writes of exactly this class, or null if none was registered. */
  @SuppressWarnings("unchecked")
  Applier<Write> of(Class<?> type) {
    return (Applier<Write>) byClass.get(type);
  }
}
