package dev.weft.assets.internal.automation;

import dev.weft.assets.AssetKey;
import dev.weft.assets.automation.AutomationCondition;
import dev.weft.store.assets.partitions.IndexRange;
import dev.weft.store.assets.partitions.IndexRangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a condition on an asset's facts, as the set of partitions (index ranges) where it holds
 * and the reason in words: {@code and} intersects, {@code or} unites, {@code not} takes the rest of
 * the asset's partitions. An unpartitioned asset is the one partition {@code [0, 1)}; a partitioned
 * asset's per-partition facts come as ranges ({@link AssetFacts}).
 */
public final class ConditionEvaluator {
  /** The partitions of an unpartitioned asset. */
  public static final IndexRangeSet UNPARTITIONED = IndexRangeSet.of(IndexRange.of(0));

  private ConditionEvaluator() {}

  /**
   * Where a condition holds and why.
   *
   * @param partitions where it holds; empty if nowhere
   * @param reason why it holds or not
   */
  public record Verdict(IndexRangeSet partitions, String reason) {
    /** Whether it holds on some partition. */
    public boolean holds() {
      return !partitions.isEmpty();
    }
  }

  /**
   * Evaluates {@code condition} when only new triggers may fire it (after the asset's own failure,
   * or once a run it waited for closed): it must hold on the facts as they are and also without the
   * standing facts ({@link AssetFacts#afterOwnFailure}: missing partitions, a new code version), on
   * the partitions where both hold. Dropping the standing facts alone would turn a negated one true
   * ({@code eager() & !missing()} on a missing asset).
   */
  public static Verdict evaluateOnNewTriggers(AutomationCondition condition, AssetFacts facts) {
    Verdict asTheyAre = evaluate(condition, facts);
    if (!asTheyAre.holds()) {
      return asTheyAre;
    }
    Verdict newOnly = evaluate(condition, facts.afterOwnFailure());
    if (!newOnly.holds()) {
      return newOnly;
    }
    return new Verdict(asTheyAre.partitions().intersect(newOnly.partitions()), newOnly.reason());
  }

  /**
   * Evaluates {@code condition} on an asset: per partition for {@code eager()}, {@code missing()}
   * and {@code freshnessViolated()}, on {@link AssetFacts#whole} for the other leaves.
   */
  public static Verdict evaluate(AutomationCondition condition, AssetFacts facts) {
    return evaluate(condition, facts, facts.all());
  }

  private static Verdict evaluate(AutomationCondition c, AssetFacts f, IndexRangeSet all) {
    return switch (c) {
      case AutomationCondition.Eager e -> {
        if (f.updatedUpstream().isEmpty() || f.updatedPartitions().isEmpty()) {
          yield no(all, "eager(): no upstream updated since the last run");
        }
        if (f.inProgress()) {
          yield no(
              all, "eager(): upstream updated, but run " + f.inProgressRunId() + " is in progress");
        }
        yield yes(
            f.updatedPartitions(),
            "eager(): " + keys(f.updatedUpstream()) + " updated since the last run");
      }
      case AutomationCondition.Missing m ->
          f.missingPartitions().isEmpty()
              ? no(all, "missing(): materialized")
              : f.inProgress()
                  ? no(
                      all, "missing(): missing, but run " + f.inProgressRunId() + " is in progress")
                  : yes(
                      f.missingPartitions(),
                      all.equals(UNPARTITIONED)
                          ? "missing(): never materialized"
                          : "missing(): partitions" + " never materialized");
      case AutomationCondition.CodeVersionChanged v ->
          f.codeVersionChanged()
              ? yes(
                  f.whole(), "codeVersionChanged(): code version differs from the materialized one")
              : no(all, "codeVersionChanged(): same code version");
      case AutomationCondition.FreshnessViolated v ->
          f.latePartitions().isEmpty()
              ? no(all, "freshnessViolated(): no open freshness violation")
              : yes(f.latePartitions(), "freshnessViolated(): a freshness violation is open");
      case AutomationCondition.OnCron cron ->
          f.cronTickPassed()
              ? yes(f.whole(), cron + ": a tick passed since the last run")
              : no(all, cron + ": no tick since the last run");
      case AutomationCondition.AnyUpstreamUpdated any -> {
        Set<AssetKey> updated = considered(any.upstream(), f.updatedUpstream());
        yield updated.isEmpty()
            ? no(all, any + ": none updated since the last run")
            : yes(f.whole(), any + ": " + keys(updated) + " updated");
      }
      case AutomationCondition.AllUpstreamsUpdated every -> {
        Set<AssetKey> wanted =
            every.upstream().isEmpty() ? f.upstream() : Set.copyOf(every.upstream());
        Set<AssetKey> waiting = new TreeSet<>(wanted);
        waiting.removeAll(f.updatedUpstream());
        yield waiting.isEmpty() && !wanted.isEmpty()
            ? yes(f.whole(), every + ": all updated")
            : no(all, every + ": waiting for " + keys(waiting));
      }
      case AutomationCondition.And and -> {
        IndexRangeSet where = all;
        List<String> reasons = new ArrayList<>();
        for (AutomationCondition part : and.parts()) {
          Verdict v = evaluate(part, f, all);
          where = where.intersect(v.partitions());
          reasons.add(v.reason());
          if (where.isEmpty()) {
            yield new Verdict(where, "not (" + and + "): " + v.reason());
          }
        }
        yield new Verdict(where, String.join("; ", reasons));
      }
      case AutomationCondition.Or or -> {
        IndexRangeSet where = IndexRangeSet.empty();
        List<String> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (AutomationCondition part : or.parts()) {
          Verdict v = evaluate(part, f, all);
          where = where.union(v.partitions());
          (v.holds() ? held : failed).add(v.reason());
        }
        yield where.isEmpty()
            ? new Verdict(where, "no part holds: " + String.join("; ", failed))
            : new Verdict(where, String.join("; ", held));
      }
      case AutomationCondition.Not not -> {
        Verdict v = evaluate(not.part(), f, all);
        yield new Verdict(all.minus(v.partitions()), "!(" + v.reason() + ")");
      }
    };
  }

  private static Set<AssetKey> considered(List<AssetKey> named, Set<AssetKey> updated) {
    if (named.isEmpty()) {
      return updated;
    }
    Set<AssetKey> out = new TreeSet<>(updated);
    out.retainAll(named);
    return out;
  }

  private static Verdict yes(IndexRangeSet all, String reason) {
    return new Verdict(all, reason);
  }

  private static Verdict no(IndexRangeSet all, String reason) {
    return new Verdict(IndexRangeSet.empty(), reason);
  }

  private static String keys(Set<AssetKey> keys) {
    return String.join(", ", new TreeSet<>(keys).stream().map(AssetKey::path).toList());
  }
}
