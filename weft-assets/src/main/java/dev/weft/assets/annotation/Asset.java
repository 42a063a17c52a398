package dev.weft.assets.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the compute of an asset (Dagster's {@code @asset}); its parameters annotated
 * {@link Input @Input} name the upstream assets it reads, a parameter of type {@link
 * dev.weft.assets.AssetContext} receives the context, and its return type is the output type. Read
 * with {@link dev.weft.assets.AnnotatedAssets#of(Object)}.
 *
 * <pre>{@code
 * @Asset(key = "chain/decoded_blocks", group = "chain", codeVersion = "v1")
 * public Decoded decode(@Input("chain/raw_blocks") RawBlocks raw, AssetContext ctx) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Asset {
  /** The asset's key path; the method's name when empty. */
  String key() default "";

  /** The group; {@code default} when empty. */
  String group() default "";

  /** The description; none when empty. */
  String description() default "";

  /** The code version; none when empty. */
  String codeVersion() default "";

  /**
   * When automation materializes the asset, in the text form of {@code AutomationCondition} ({@code
   * "eager() & !missing()"}); never when empty.
   */
  String automation() default "";

  /** The IO manager's name; {@code default} when empty. */
  String ioManager() default "";

  /** The owners. */
  String[] owners() default {};

  /** Tags, each {@code name=value}. */
  String[] tags() default {};

  /** Upstream assets it depends on without reading them. */
  String[] deps() default {};

  /** The maximum number of attempts of the compute, 0 for no limit. */
  int maximumAttempts() default 1;

  /** The time limit of one attempt, ISO-8601 ({@code PT10M}); one hour when empty. */
  String startToCloseTimeout() default "";
}
