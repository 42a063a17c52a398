package dev.weft.assets.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the observe function of an observable source asset (Dagster's {@code
 * @observable_source_asset}): it returns a {@link dev.weft.assets.DataVersion} and may take an
 * {@link dev.weft.assets.AssetContext}.
 *
 * <pre>{@code
 * @ObservableSource(key = "chain/head", group = "chain")
 * public DataVersion head() { return DataVersion.of(chain.headHash()); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ObservableSource {
  /** The asset's key path; the method's name when empty. */
  String key() default "";

  /** The group; {@code default} when empty. */
  String group() default "";

  /** The description; none when empty. */
  String description() default "";

  /**
   * The field or no-argument method of the class giving the source's partitions; unpartitioned when
   * empty.
   */
  String partitions() default "";
}
