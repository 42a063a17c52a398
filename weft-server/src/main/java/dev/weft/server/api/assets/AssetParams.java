package dev.weft.server.api.assets;

import dev.weft.server.http.ApiProblem;
import dev.weft.store.assets.AssetStatus;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of an asset route, read strictly: one the route does not take, a repeated or
 * empty one, or a value of the wrong form is a 400 that names it.
 */
final class AssetParams {
  private final Context ctx;

  private AssetParams(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The parameters of {@code ctx}, which may only be {@code allowed}.
   *
   * @throws ApiProblem 400 {@code unknown-parameter}, or {@code invalid-parameter} for a repeat
   */
  static AssetParams of(Context ctx, String... allowed) {
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
    return new AssetParams(ctx);
  }

  /** The parameter's value, or null if absent; an empty value is refused. */
  String text(String name) {
    String v = ctx.queryParam(name);
    if (v != null && v.isEmpty()) {
      throw invalid(name, v, "query parameter '" + name + "' is empty");
    }
    return v;
  }

  /** An asset status ({@code FRESH}, {@code STALE}, {@code MISSING}, {@code FAILED}) or null. */
  AssetStatus status(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      return AssetStatus.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw invalid(
          name,
          v,
          "query parameter '" + name + "' must be one of " + Arrays.toString(AssetStatus.values()));
    }
  }

  /** An integer parameter in {@code min..max}, {@code otherwise} if absent. */
  int integer(String name, int otherwise, int min, int max) {
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

  static ApiProblem invalid(String name, Object value, String detail) {
    return ApiProblem.of(400, "invalid-parameter", "Invalid parameter", detail)
        .withField(name, value);
  }
}
