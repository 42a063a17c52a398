package dev.weft.assets.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One output of a {@link MultiAsset @MultiAsset} (Dagster's {@code AssetOut}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Output {
  /** The output asset's key path. */
  String key();

  /** The type of its value. */
  Class<?> type() default Object.class;

  /** Its group; {@code default} when empty. */
  String group() default "";

  /** Its description; none when empty. */
  String description() default "";

  /** Its code version; none when empty. */
  String codeVersion() default "";

  /**
   * The freshness policy's maximum lag, ISO-8601 ({@code PT1H}: {@code FreshnessPolicy.maxLag});
   * none when empty.
   */
  String freshnessMaxLag() default "";

  /**
   * The freshness policy's partition deadline, {@code HH:MM} ({@code
   * FreshnessPolicy.partitionDeadline}, time-partitioned assets only); none when empty.
   */
  String freshnessDeadline() default "";

  /** Its IO manager's name; {@code default} when empty. */
  String ioManager() default "";

  /**
   * When automation materializes the output, in the text form of {@code AutomationCondition}
   * ({@code "eager() & !missing()"}); never when empty.
   */
  String automation() default "";
}
