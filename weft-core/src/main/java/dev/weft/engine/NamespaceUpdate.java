package dev.weft.engine;

import java.time.Duration;

/**
 * A change to a namespace ({@link Namespaces#update}): each setting given replaces the stored one,
 * each left null is kept. Immutable.
 *
 * <pre>{@code
 * engine.namespaces().update("payments", NamespaceUpdate.retention(Duration.ofDays(14)));
 * }</pre>
 *
 * @param description the new description, or null to keep it
 * @param retention the new retention (positive), or null to keep it
 */
public record NamespaceUpdate(String description, Duration retention) {

  /**
   * Validates the update.
   *
   * @throws IllegalArgumentException if the retention is zero or negative
   */
  public NamespaceUpdate {
    if (retention != null) {
      NamespaceConfig.requirePositiveRetention("(update)", retention);
    }
  }

  /** An update of the retention only. */
  public static NamespaceUpdate retention(Duration retention) {
    return new NamespaceUpdate(null, retention);
  }

  /** An update of the description only. */
  public static NamespaceUpdate description(String description) {
    return new NamespaceUpdate(description, null);
  }
}
