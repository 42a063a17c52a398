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
 *
 * <p>Partitions are named, not written inline (annotations hold constants only): {@code partitions}
 * names a field or no-argument method of the class giving a {@link
 * dev.weft.assets.partitions.PartitionsDefinition}, and {@link Input#mapping()} one giving a {@link
 * dev.weft.assets.partitions.PartitionMapping}:
 *
 * <pre>{@code
 * static final PartitionsDefinition DAILY = TimeWindowPartitions.daily(LocalDate.of(2024, 1, 1), UTC);
 * static final PartitionMapping YESTERDAY = PartitionMapping.timeWindow(-1);
 *
 * @Asset(key = "market/returns", partitions = "DAILY")
 * public Returns returns(@Input(value = "market/prices", mapping = "YESTERDAY") Prices p) { ... }
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

  /** The time limit of one attempt, ISO-8601 ({@code PT10M}); one hour when empty. */
  String startToCloseTimeout() default "";

  /**
   * The field or no-argument method of the class giving the asset's {@link
   * dev.weft.assets.partitions.PartitionsDefinition}; unpartitioned when empty.
   */
  String partitions() default "";

  /** The most partitions one compute call takes ({@code rangedCompute}); 1 by default. */
  int maxPartitionsPerRun() default 1;
}
