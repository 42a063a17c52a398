package dev.weft.server.api;

import dev.weft.server.http.ApiProblem;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, read strictly: a parameter the route does not take, a
 * repeated or empty one, or a value of the wrong form is a 400 {@code invalid-parameter} (or {@code
 * unknown-parameter}) problem that names it. Shared by every route group.
 *
 * <pre>{@code
 * QueryParams params = QueryParams.of(ctx, "status", "pageSize");
 * AssetStatus status = params.enumValue("status", AssetStatus.class);
 * int pageSize = params.integer("pageSize", 20, 1, 1000);
 * }</pre>
 */
public final class QueryParams {
  private final Context ctx;

  private QueryParams(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The parameters of {@code ctx}, which may only be {@code allowed}.
   *
   * @throws ApiProblem 400 {@code unknown-parameter} for another parameter, {@code
   *     invalid-parameter} for a repeated one
   */
  public static QueryParams of(Context ctx, String... allowed) {
    Set<String> names = Set.of(allowed);
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (!names.contains(p.getKey())) {
        throw ApiProblem.of(
                400,
                "unknown-parameter",
                "Unknown parameter",
                "this route takes no query parameter '"
                    + p.getKey()
                    + "'; it takes "
                    + (names.isEmpty() ? "none" : new TreeSet<>(names)))
            .withField(p.getKey(), null);
      }
      if (p.getValue().size() > 1) {
        throw invalid(p.getKey(), p.getValue(), "query parameter '" + p.getKey() + "' is repeated");
      }
    }
    return new QueryParams(ctx);
  }

  /** The parameter's value, or null if absent; an empty value is refused. */
  public String text(String name) {
    String v = ctx.queryParam(name);
    if (v != null && v.isEmpty()) {
      throw invalid(name, v, "query parameter '" + name + "' is empty");
    }
    return v;
  }

  /** An integer parameter in {@code min..max}, {@code otherwise} if absent. */
  public int integer(String name, int otherwise, int min, int max) {
    String v = text(name);
    if (v == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid(
        name, v, "query parameter '" + name + "' must be an integer from " + min + " to " + max);
  }

  /** A long integer parameter in {@code min..max}, {@code otherwise} if absent. */
  public long longInteger(String name, long otherwise, long min, long max) {
    String v = text(name);
    if (v == null) {
      return otherwise;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid(
        name, v, "query parameter '" + name + "' must be an integer from " + min + " to " + max);
  }

  /** A boolean parameter ({@code true} or {@code false}), {@code otherwise} if absent. */
  public boolean bool(String name, boolean otherwise) {
    String v = text(name);
    if (v == null) {
      return otherwise;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(name, v, "query parameter '" + name + "' must be true or false");
    };
  }

  /** A duration parameter (ISO-8601) from zero to {@code max}, {@code otherwise} if absent. */
  public Duration duration(String name, Duration otherwise, Duration max) {
    String v = text(name);
    if (v == null) {
      return otherwise;
    }
    try {
      Duration d = Duration.parse(v);
      if (!d.isNegative() && d.compareTo(max) <= 0) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw invalid(
        name, v, "query parameter '" + name + "' must be an ISO-8601 duration from PT0S to " + max);
  }

  /**
   * A constant of {@code type} named by the parameter (exactly, e.g. {@code STALE}), or null if
   * absent.
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw invalid(
          name,
          v,
          "query parameter '"
              + name
              + "' must be one of "
              + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** The 400 {@code invalid-parameter} problem of a parameter, naming it and its value. */
  public static ApiProblem invalid(String name, Object value, String detail) {
    return ApiProblem.of(400, "invalid-parameter", "Invalid parameter", detail)
        .withField(name, value);
  }
}
