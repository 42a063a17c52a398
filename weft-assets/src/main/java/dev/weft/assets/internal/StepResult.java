package dev.weft.assets.internal;

import dev.weft.assets.AssetKey;
import dev.weft.assets.CheckSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run of a step produced: per output its data version and metadata, and the checks'
 * results (for an observable source: one output, its observed version, no checks).
 *
 * @param outputs one per produced asset
 * @param checks every check's result
 * @param startedAt when the compute started
 * @param finishedAt when the outputs were stored and the checks done
 */
public record StepResult(
    List<Output> outputs, List<CheckRun> checks, Instant startedAt, Instant finishedAt) {

  /** One produced asset. */
  public record Output(
      AssetKey key, String dataVersion, String codeVersion, Map<String, Object> metadata) {}

  /** One check's result. */
  public record CheckRun(
      AssetKey key,
      String name,
      boolean passed,
      CheckSeverity severity,
      boolean blocking,
      Map<String, Object> metadata) {}

  /** Returns the failed blocking checks. */
  public List<CheckRun> failedBlockingChecks() {
    return checks.stream().filter(c -> c.blocking() && !c.passed()).toList();
  }
}
