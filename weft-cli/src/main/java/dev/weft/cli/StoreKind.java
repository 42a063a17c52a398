package dev.weft.cli;

import dev.weft.store.postgres.PostgresUrl;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of store Weft runs on, named as {@code weft bench --store} takes them: {@code sqlite}
 * (one process owns a file) and {@code postgres} (nodes share a database). A {@link StoreLocation}
 * says where a store of a kind is; a kind alone is what a command needs when it makes a fresh store
 * itself.
 */
public enum StoreKind {
  /** An embedded SQLite file, owned by one process at a time. */
  SQLITE("sqlite"),
  /** A PostgreSQL database that any number of nodes share. */
  POSTGRES("postgres");

  private final String id;

  StoreKind(String id) {
    this.id = id;
  }

  /**
   * Returns the kind's name on the command line and in JSON: {@code sqlite} or {@code postgres}.
   */
  public String id() {
    return id;
  }

  /**
   * Reads a kind by name, ignoring case; {@code postgresql} is accepted for {@code postgres}.
   *
   * @throws IllegalArgumentException naming the value (without a password, if it is a URL) and the
   *     kinds; a value that is a store location rather than a kind is told so
   */
  public static StoreKind parse(String name) {
    String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (StoreKind kind : values()) {
      if (kind.id.equals(lower)) {
        return kind;
      }
    }
    if (lower.equals("postgresql")) {
      return POSTGRES;
    }
    String shown = name == null ? "null" : "'" + PostgresUrl.redact(name) + "'";
    String message = "unknown store kind " + shown + ": expected one of " + ids();
    if (name != null && looksLikeLocation(name)) {
      message += " (a kind of store, not the location of one such as a file path or a URL)";
    }
    throw new IllegalArgumentException(message);
  }

  /** Returns the kinds' names, comma-separated: {@code sqlite, postgres}. */
  public static String ids() {
    return Arrays.stream(values()).map(StoreKind::id).collect(Collectors.joining(", "));
  }

  private static boolean looksLikeLocation(String value) {
    return value.contains("://")
        || value.startsWith("jdbc:")
        || value.contains("/")
        || value.contains("\\")
        || value.endsWith(".db");
  }

  /** Returns {@link #id()}. */
  @Override
  public String toString() {
    return id;
  }
}
