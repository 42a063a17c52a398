package dev.weft.assets.annotation;

import dev.weft.assets.CheckSeverity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a check of an asset (Dagster's {@code @asset_check}): it takes the asset's
 * value and returns a {@link dev.weft.assets.CheckResult} or a {@code boolean}.
 *
 * <pre>{@code
 * @Check(asset = "chain/decoded_blocks", blocking = true)
 * public boolean nonEmpty(Decoded decoded) { return !decoded.isEmpty(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {
  /** The key path of the asset it checks, defined in the same class. */
  String asset();

  /** The check's name; the method's name when empty. */
  String name() default "";

  /** How serious a failure is. */
  CheckSeverity severity() default CheckSeverity.ERROR;

  /** Whether a failure stops the asset's downstream assets in the run. */
  boolean blocking() default false;

  /** What it checks; none when empty. */
  String description() default "";
}
