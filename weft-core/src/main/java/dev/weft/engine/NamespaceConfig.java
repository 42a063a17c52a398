package dev.weft.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a namespace is created with ({@link Namespaces#create}): its name, a description, and how
 * long its closed workflow runs are kept. Immutable; validated on construction.
 *
 * <pre>{@code
 * engine.namespaces().create(new NamespaceConfig("payments", "card payments", Duration.ofDays(7)));
 * }</pre>
 *
 * @param name 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}
 * @param description free text; null is empty
 * @param retention how long a closed run of the namespace is kept before it is deleted (positive)
 */
public record NamespaceConfig(String name, String description, Duration retention) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The retention of a namespace created without one, as in the engine's builder: 30 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException naming the field and value that are invalid
   */
  public NamespaceConfig {
    requireValidName(name);
    description = description == null ? "" : description;
    requirePositiveRetention(name, retention);
  }

  /** A namespace with no description and the default retention of 30 days. */
  public NamespaceConfig(String name) {
    this(name, "", DEFAULT_RETENTION);
  }

  /**
   * Checks a namespace name: 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}.
   *
   * @return the name
   * @throws IllegalArgumentException naming the value and what is expected
   */
  public static String requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "namespace name must be 1 to 64 characters of A-Z a-z 0-9 . _ -, was "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  /** Whether {@code name} is a valid namespace name ({@link #requireValidName}). */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  static void requirePositiveRetention(String namespace, Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "retention of namespace '" + namespace + "' must be positive, was " + retention);
    }
  }
}
