package dev.weft.assets;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A check attached to an asset, run after each materialization of it; its result is kept in the
 * catalog. A failed <em>blocking</em> check stops the asset's downstream assets in that run.
 *
 * <pre>{@code
 * AssetCheck<Blocks> nonEmpty =
 *     AssetCheck.<Blocks>error("non_empty", b -> CheckResult.of(!b.isEmpty())).asBlocking();
 * }</pre>
 *
 * <p>Dagster's defaults: severity {@link CheckSeverity#ERROR}, not blocking.
 *
 * @param name the check's name, unique per asset ({@code [A-Za-z0-9_]+})
 * @param severity how serious a failure is
 * @param blocking whether a failure stops the asset's downstream assets in the run
 * @param description what it checks, or {@code null}
 * @param function the check itself
 * @param <T> the asset's output type
 */
public record AssetCheck<T>(
    String name,
    CheckSeverity severity,
    boolean blocking,
    String description,
    CheckFunction<? super T> function) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  /**
   * Validates the check.
   *
   * @throws IllegalArgumentException naming a bad name
   * @throws NullPointerException naming a missing severity or function
   */
  public AssetCheck {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "asset check name '" + name + "' must match [A-Za-z0-9_]+");
    }
    Objects.requireNonNull(severity, "AssetCheck.severity");
    Objects.requireNonNull(function, "AssetCheck.function");
  }

  /** Returns a non-blocking check of severity ERROR. */
  public static <T> AssetCheck<T> error(String name, CheckFunction<? super T> function) {
    return new AssetCheck<>(name, CheckSeverity.ERROR, false, null, function);
  }

  /** Returns a non-blocking check of severity WARN. */
  public static <T> AssetCheck<T> warn(String name, CheckFunction<? super T> function) {
    return new AssetCheck<>(name, CheckSeverity.WARN, false, null, function);
  }

  /** Returns this check, blocking: a failure stops the asset's downstream assets in the run. */
  public AssetCheck<T> asBlocking() {
    return new AssetCheck<>(name, severity, true, description, function);
  }

  /** Returns this check with a description. */
  public AssetCheck<T> describedAs(String text) {
    return new AssetCheck<>(name, severity, blocking, text, function);
  }
}
