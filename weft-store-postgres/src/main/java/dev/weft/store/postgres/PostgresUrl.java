package dev.weft.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL store lives: a JDBC URL and its credentials, read from either form users write
 * ({@code postgres://user:secret@host:5432/db?sslmode=require} or {@code
 * jdbc:postgresql://host:5432/db?user=u&password=secret}). {@link #toString()} and every message
 * show it without the password.
 *
 * @param jdbcUrl the JDBC URL, without user and password when they came in the URL's authority
 * @param user the user from the authority, or null (then the JDBC URL or the driver decides)
 * @param password the password from the authority, or null
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&]password=)[^&]*");

  /** Validates the URL. */
  public PostgresUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL: " + redact(jdbcUrl) + " (expected jdbc:postgresql://...)");
    }
  }

  /**
   * Reads a store location in either form.
   *
   * @throws IllegalArgumentException naming the problem if it is neither form
   */
  public static PostgresUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresUrl(url, null, null);
    }
    if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "store URL "
              + redact(url)
              + " is not a PostgreSQL URL: expected postgres://user:password@host:port/database"
              + " or jdbc:postgresql://host:port/database");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "store URL " + redact(url) + " is malformed: " + e.getReason(), e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("store URL " + redact(url) + " names no host");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    jdbc.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    return new PostgresUrl(jdbc.toString(), user, password);
  }

  /** Returns the URL with any password in it masked, for messages and logs. */
  public static String redact(String url) {
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    int scheme = masked.indexOf("://");
    int at = masked.indexOf('@');
    if (scheme >= 0 && at > scheme) {
      String userInfo = masked.substring(scheme + 3, at);
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        masked =
            masked.substring(0, scheme + 3)
                + userInfo.substring(0, colon)
                + ":***"
                + masked.substring(at);
      }
    }
    return masked;
  }

  /** Masks this URL's password (and any URL's) wherever it appears in a message. */
  public String redactMessage(String message) {
    String masked = redact(message);
    return password == null || password.isEmpty() ? masked : masked.replace(password, "***");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The JDBC URL without its password, and the user if one was given apart. */
  @Override
  public String toString() {
    return redact(jdbcUrl) + (user == null ? "" : " (user " + user + ")");
  }
}
