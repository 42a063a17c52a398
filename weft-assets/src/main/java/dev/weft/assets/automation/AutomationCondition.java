package dev.weft.assets.automation;

import dev.weft.assets.AssetKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an asset should be materialized without anyone asking: a condition over the catalog,
 * evaluated each time the catalog changes for the asset (its own or an upstream's materialization,
 * failure or observation, a registration that adds it or changes its code version, a cron tick).
 * When it holds, automation starts one {@code __weft_materialize} run of the asset, records which
 * condition fired and on which partitions, and never fires the same trigger twice (see {@link
 * dev.weft.assets.Assets}). Modelled on Dagster's {@code AutomationCondition}; the differences are
 * on each factory.
 *
 * <pre>{@code
 * Asset.builder("trades/daily_report")
 *     .input("trades/clean", Trades.class)
 *     .automation(AutomationCondition.eager().and(AutomationCondition.not(AutomationCondition.missing())))
 *     .compute(ctx -> report(ctx.input("trades/clean", Trades.class)));
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} is the readable form recorded with every
 * evaluation: {@code eager() & !missing()}, {@code onCron('0 2 * * *') | codeVersionChanged()}.
 */
public sealed interface AutomationCondition {

  /**
   * An upstream was updated (materialized, or observed with a new data version) since the asset's
   * last run, and the asset is not in progress. Dagster's {@code eager()} also waits while an
   * upstream is missing or in progress and fires when the asset itself becomes missing; Weft's is
   * the plain "recompute when an input changed" of the issue, combine it with {@link #missing()}
   * for the rest.
   */
  static AutomationCondition eager() {
    return Eager.INSTANCE;
  }

  /**
   * A tick of the cron expression (five fields, Unix syntax, in UTC: {@code 0 2 * * *} is 02:00
   * every day) passed since the asset's last run. Dagster's {@code on_cron} also waits until every
   * upstream updated after the tick: write {@code onCron(expr).and(allUpstreamsUpdated())} for
   * that.
   *
   * @throws InvalidCronExpressionException naming the expression and the position of its error
   */
  static AutomationCondition onCron(String expression) {
    return new OnCron(expression);
  }

  /** The asset has never been materialized (Dagster's {@code missing()}). */
  static AutomationCondition missing() {
    return Missing.INSTANCE;
  }

  /**
   * The asset's code version differs from the one its current materialization was made with
   * (Dagster's {@code code_version_changed()}, which compares with the previous evaluation's code
   * version instead: Weft compares with the data, so a change made while nothing ran still counts).
   */
  static AutomationCondition codeVersionChanged() {
    return CodeVersionChanged.INSTANCE;
  }

  /**
   * A freshness policy of the asset is violated (its violation is recorded in the catalog and not
   * cleared). Dagster's equivalent is a freshness check result.
   */
  static AutomationCondition freshnessViolated() {
    return FreshnessViolated.INSTANCE;
  }

  /**
   * At least one upstream was updated since the asset's last run (Dagster's {@code
   * any_deps_updated()}, remembered until handled as with {@code since_last_handled()}).
   */
  static AutomationCondition anyUpstreamUpdated() {
    return new AnyUpstreamUpdated(List.of());
  }

  /**
   * At least one of the named upstreams was updated since the asset's last run (Dagster's {@code
   * any_deps_updated().allow(selection)}). Every key must be an upstream of the asset: a typo is
   * refused when the graph is built.
   */
  static AutomationCondition anyUpstreamUpdated(String... upstreamKeys) {
    return new AnyUpstreamUpdated(keys(upstreamKeys));
  }

  /**
   * Every upstream was updated since the asset's last run (Dagster's {@code all_deps_updated_since}
   * the last run).
   */
  static AutomationCondition allUpstreamsUpdated() {
    return new AllUpstreamsUpdated(List.of());
  }

  /**
   * Every one of the named upstreams was updated since the asset's last run. Every key must be an
   * upstream of the asset.
   */
  static AutomationCondition allUpstreamsUpdated(String... upstreamKeys) {
    return new AllUpstreamsUpdated(keys(upstreamKeys));
  }

  /** The condition that holds when {@code condition} does not ({@code !c}). */
  static AutomationCondition not(AutomationCondition condition) {
    return new Not(Objects.requireNonNull(condition, "condition"));
  }

  /**
   * Reads a condition's text form, as {@link #toString()} writes it ({@code eager() & !missing()},
   * {@code onCron('0 2 * * *') | codeVersionChanged()}): what annotations and the CLI take.
   *
   * @throws IllegalArgumentException naming the text, the position and what was expected
   */
  static AutomationCondition parse(String text) {
    return ConditionParser.parse(Objects.requireNonNull(text, "text"));
  }

  /** Holds when this and {@code other} hold ({@code a & b}). */
  default AutomationCondition and(AutomationCondition other) {
    return new And(flatten(And.class, this, Objects.requireNonNull(other, "other")));
  }

  /** Holds when this or {@code other} holds ({@code a | b}). */
  default AutomationCondition or(AutomationCondition other) {
    return new Or(flatten(Or.class, this, Objects.requireNonNull(other, "other")));
  }

  /** The upstream keys this condition names, in order (empty for most conditions). */
  default List<AssetKey> namedKeys() {
    return List.of();
  }

  private static List<AssetKey> keys(String... paths) {
    if (paths.length == 0) {
      throw new IllegalArgumentException("name at least one upstream key");
    }
    List<AssetKey> keys = new ArrayList<>();
    for (String path : paths) {
      keys.add(AssetKey.of(path));
    }
    return List.copyOf(keys);
  }

  private static List<AutomationCondition> flatten(
      Class<?> type, AutomationCondition a, AutomationCondition b) {
    List<AutomationCondition> parts = new ArrayList<>();
    for (AutomationCondition c : List.of(a, b)) {
      if (type.isInstance(c)) {
        parts.addAll(c instanceof And and ? and.parts() : ((Or) c).parts());
      } else {
        parts.add(c);
      }
    }
    return List.copyOf(parts);
  }

  /** See {@link #eager()}. */
  enum Eager implements AutomationCondition {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "eager()";
    }
  }

  /** See {@link #missing()}. */
  enum Missing implements AutomationCondition {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "missing()";
    }
  }

  /** See {@link #codeVersionChanged()}. */
  enum CodeVersionChanged implements AutomationCondition {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "codeVersionChanged()";
    }
  }

  /** See {@link #freshnessViolated()}. */
  enum FreshnessViolated implements AutomationCondition {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
      return "freshnessViolated()";
    }
  }

  /**
   * See {@link #onCron(String)}.
   *
   * @param expression the cron expression (five fields, UTC)
   */
  record OnCron(String expression) implements AutomationCondition {
    /**
     * Validates the expression.
     *
     * @throws InvalidCronExpressionException naming the expression and the position of its error
     */
    public OnCron {
      CronSchedule.parse(expression);
    }

    /** Returns the latest tick at or before {@code time}, if any. */
    public java.util.Optional<java.time.Instant> lastTick(java.time.Instant time) {
      return CronSchedule.parse(expression).lastTick(time);
    }

    /** Returns the first tick after {@code time}, if any. */
    public java.util.Optional<java.time.Instant> nextTick(java.time.Instant time) {
      return CronSchedule.parse(expression).nextTick(time);
    }

    @Override
    public String toString() {
      return "onCron('" + expression + "')";
    }
  }

  /**
   * See {@link #anyUpstreamUpdated()}.
   *
   * @param upstream the upstreams considered; empty for all
   */
  record AnyUpstreamUpdated(List<AssetKey> upstream) implements AutomationCondition {
    /** Copies the keys. */
    public AnyUpstreamUpdated {
      upstream = List.copyOf(upstream);
    }

    @Override
    public List<AssetKey> namedKeys() {
      return upstream;
    }

    @Override
    public String toString() {
      return "anyUpstreamUpdated(" + quoted(upstream) + ")";
    }
  }

  /**
   * See {@link #allUpstreamsUpdated()}.
   *
   * @param upstream the upstreams considered; empty for all
   */
  record AllUpstreamsUpdated(List<AssetKey> upstream) implements AutomationCondition {
    /** Copies the keys. */
    public AllUpstreamsUpdated {
      upstream = List.copyOf(upstream);
    }

    @Override
    public List<AssetKey> namedKeys() {
      return upstream;
    }

    @Override
    public String toString() {
      return "allUpstreamsUpdated(" + quoted(upstream) + ")";
    }
  }

  /**
   * Every part holds.
   *
   * @param parts two or more conditions
   */
  record And(List<AutomationCondition> parts) implements AutomationCondition {
    /** Copies the parts. */
    public And {
      parts = List.copyOf(parts);
    }

    @Override
    public List<AssetKey> namedKeys() {
      return parts.stream().flatMap(p -> p.namedKeys().stream()).distinct().toList();
    }

    @Override
    public String toString() {
      return join(parts, " & ", Or.class);
    }
  }

  /**
   * At least one part holds.
   *
   * @param parts two or more conditions
   */
  record Or(List<AutomationCondition> parts) implements AutomationCondition {
    /** Copies the parts. */
    public Or {
      parts = List.copyOf(parts);
    }

    @Override
    public List<AssetKey> namedKeys() {
      return parts.stream().flatMap(p -> p.namedKeys().stream()).distinct().toList();
    }

    @Override
    public String toString() {
      return join(parts, " | ", And.class);
    }
  }

  /**
   * The part does not hold.
   *
   * @param part the negated condition
   */
  record Not(AutomationCondition part) implements AutomationCondition {
    /** Validates the record. */
    public Not {
      Objects.requireNonNull(part, "part");
    }

    @Override
    public List<AssetKey> namedKeys() {
      return part.namedKeys();
    }

    @Override
    public String toString() {
      return part instanceof And || part instanceof Or ? "!(" + part + ")" : "!" + part;
    }
  }

  private static String quoted(List<AssetKey> keys) {
    return String.join(", ", keys.stream().map(k -> "'" + k.path() + "'").toList());
  }

  private static String join(List<AutomationCondition> parts, String op, Class<?> parenthesized) {
    List<String> texts = new ArrayList<>();
    for (AutomationCondition p : parts) {
      texts.add(parenthesized.isInstance(p) ? "(" + p + ")" : p.toString());
    }
    return String.join(op, texts);
  }
}
