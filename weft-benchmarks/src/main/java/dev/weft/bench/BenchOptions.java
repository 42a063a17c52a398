package dev.weft.bench;

import dev.weft.cli.StoreKind;

/**
 * The options of a benchmark run; each workload reads the ones it uses and defaults the others.
 *
 * @param store the store kind, or null for the workload's default ({@code postgres} for cluster,
 *     {@code sqlite} for the others)
 * @param workflows the number of workflows (sequential, start, timers, recovery, cluster)
 * @param activities activities per workflow (sequential, recovery, cluster) or in parallel (fanout)
 * @param length the number of dependent activities (chain)
 * @param maxDelaySeconds the longest timer (timers)
 * @param nodes the number of node processes (cluster)
 * @param clients the number of concurrent HTTP callers (api-start) or closed-loop clients
 *     (sequential)
 * @param durationSeconds how long the firings or evaluations are measured, in seconds (schedules,
 *     sensors)
 * @param intervalSeconds the interval of each schedule instead of its cron {@code * * * * *}
 *     (schedules), or of each sensor (sensors)
 */
public record BenchOptions(
    StoreKind store,
    Integer workflows,
    Integer activities,
    Integer length,
    Integer maxDelaySeconds,
    Integer nodes,
    Integer clients,
    Integer durationSeconds,
    Integer intervalSeconds) {

  /**
   * Validates the options; each error names the option and value.
   *
   * @throws IllegalArgumentException for a count below 1
   */
  public BenchOptions {
    positive("--workflows", workflows);
    positive("--activities", activities);
    positive("--length", length);
    positive("--max-delay", maxDelaySeconds);
    positive("--nodes", nodes);
    positive("--clients", clients);
    positive("--duration", durationSeconds);
    positive("--interval", intervalSeconds);
  }

  /** Options without {@code --duration} and {@code --interval}. */
  public BenchOptions(
      StoreKind store,
      Integer workflows,
      Integer activities,
      Integer length,
      Integer maxDelaySeconds,
      Integer nodes,
      Integer clients) {
    this(store, workflows, activities, length, maxDelaySeconds, nodes, clients, null, null);
  }

  /** Options without {@code --clients}. */
  public BenchOptions(
      StoreKind store,
      Integer workflows,
      Integer activities,
      Integer length,
      Integer maxDelaySeconds,
      Integer nodes) {
    this(store, workflows, activities, length, maxDelaySeconds, nodes, null);
  }

  /** Options of a single-process workload (no {@code --nodes}). */
  public BenchOptions(
      StoreKind store,
      Integer workflows,
      Integer activities,
      Integer length,
      Integer maxDelaySeconds) {
    this(store, workflows, activities, length, maxDelaySeconds, null, null);
  }

  private static void positive(String option, Integer value) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException(option + " must be >= 1, was " + value);
    }
  }

  /** Returns these options with every count divided by {@code factor} (at least 1). */
  BenchOptions scaledDown(int factor, int workflows, int activities, int length) {
    return new BenchOptions(
        store,
        Math.max(1, workflows(workflows) / factor),
        Math.max(1, activities(activities) / factor),
        Math.max(1, length(length) / factor),
        maxDelaySeconds,
        nodes,
        clients,
        durationSeconds,
        intervalSeconds);
  }

  int workflows(int fallback) {
    return workflows == null ? fallback : workflows;
  }

  int activities(int fallback) {
    return activities == null ? fallback : activities;
  }

  int length(int fallback) {
    return length == null ? fallback : length;
  }

  int maxDelaySeconds(int fallback) {
    return maxDelaySeconds == null ? fallback : maxDelaySeconds;
  }

  int nodes(int fallback) {
    return nodes == null ? fallback : nodes;
  }

  int clients(int fallback) {
    return clients == null ? fallback : clients;
  }

  int durationSeconds(int fallback) {
    return durationSeconds == null ? fallback : durationSeconds;
  }
}
