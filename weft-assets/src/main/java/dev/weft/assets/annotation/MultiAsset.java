package dev.weft.assets.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the compute of a multi-asset (Dagster's {@code @multi_asset}): it returns an
 * {@link dev.weft.assets.AssetOutputs} with one value per {@link Output}.
 *
 * <pre>{@code
 * @MultiAsset(name = "market_feed", outputs = {
 *     @Output(key = "market/trades", type = Trades.class),
 *     @Output(key = "market/prices", type = Prices.class)})
 * public AssetOutputs feed() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MultiAsset {
  /** The multi-asset's name; the method's name when empty. */
  String name() default "";

  /** Its outputs, at least one. */
  Output[] outputs();

  /** Upstream assets it depends on without reading them. */
  String[] deps() default {};

  /** The maximum number of attempts of the compute, 0 for no limit. */
  int maximumAttempts() default 1;

  /**
   * The field or no-argument method of the class giving the partitions every output shares;
   * unpartitioned when empty.
   */
  String partitions() default "";

  /** The most partitions one compute call takes ({@code rangedCompute}); 1 by default. */
  int maxPartitionsPerRun() default 1;
}
