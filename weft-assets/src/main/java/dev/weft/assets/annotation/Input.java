package dev.weft.assets.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the upstream asset a parameter of an {@link Asset @Asset} or {@link MultiAsset @MultiAsset}
 * method reads (Dagster's {@code AssetIn}); the parameter's type is the type it is read as.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Input {
  /** The upstream asset's key path, e.g. {@code chain/raw_blocks}. */
  String value();

  /**
   * The field or no-argument method of the class giving the {@link
   * dev.weft.assets.partitions.PartitionMapping} of this input; the default mapping when empty.
   */
  String mapping() default "";
}
