package dev.weft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.client.WorkflowSummary;
import dev.weft.schedules.FiringOutcome;
import dev.weft.schedules.ScheduleDescription;
import dev.weft.schedules.ScheduleFiring;
import dev.weft.schedules.SensorDescription;
import dev.weft.schedules.SensorEvaluation;
import dev.weft.schedules.SensorRequestOutcome;
import dev.weft.schedules.TriggerOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Checks that the {@link ClusterTriggers} fired exactly once, from the runs they started (as the
 * client lists them) and what their workflows describe. Run IDs are unique by construction, so
 * exactly once is about the nominal times: one run per nominal second, none missing in between.
 */
final class TriggerAudit {
  private TriggerAudit() {}

  /**
   * Checks one schedule, paused at the end: its runs' nominal times are distinct and one second
   * apart, the last one at or after {@code firedAtLeastUntil}; the schedule counted one started
   * firing per run and none failed; every fire time from its first run to the last one it handled
   * was either started or (after the last start) skipped because it was paused.
   *
   * @param runs the runs whose workflow ID starts with {@code <scheduleId>@}
   * @return how many of its recent firings found their run already started (a firing repeated after
   *     the node that ran it died between the start and its record)
   */
  static long assertFiredOncePerSecond(
      String scheduleId,
      List<WorkflowSummary> runs,
      ScheduleDescription description,
      Instant firedAtLeastUntil) {
    List<String> ids = runs.stream().map(WorkflowSummary::workflowId).sorted().toList();
    assertThat(ids).as("runs of schedule %s", scheduleId).doesNotHaveDuplicates().isNotEmpty();
    List<Instant> nominal = ids.stream().map(ClusterTriggers::nominal).sorted().toList();
    Instant first = nominal.get(0);
    Instant last = nominal.get(nominal.size() - 1);
    List<Instant> expected =
        LongStream.range(0, seconds(first, last) + 1)
            .mapToObj(i -> first.plus(ClusterTriggers.INTERVAL.multipliedBy(i)))
            .toList();
    assertThat(nominal)
        .as(
            "nominal times of the runs of %s: one per second from %s to %s",
            scheduleId, first, last)
        .containsExactlyElementsOf(expected);
    assertThat(last).as("last firing of %s", scheduleId).isAfterOrEqualTo(firedAtLeastUntil);

    assertThat(description.failed()).as("failed firings of %s", scheduleId).isZero();
    assertThat(description.started())
        .as("started firings of %s (one per run)", scheduleId)
        .isEqualTo(runs.size());
    Instant handledUpTo = description.nextFireTimes().get(0).minus(ClusterTriggers.INTERVAL);
    assertThat(description.started() + description.skipped())
        .as("firings of %s handled from its first run at %s to %s", scheduleId, first, handledUpTo)
        .isEqualTo(seconds(first, handledUpTo) + 1);
    List<ScheduleFiring> skipped =
        description.recentFirings().stream()
            .filter(f -> f.outcome() == FiringOutcome.SKIPPED)
            .toList();
    assertThat(skipped)
        .as("skipped firings of %s", scheduleId)
        .allSatisfy(
            f -> {
              assertThat(f.nominal()).isAfter(last);
              assertThat(f.reason()).startsWith("paused");
            });
    return description.recentFirings().stream()
        .filter(f -> f.reason() != null && f.reason().startsWith("already started"))
        .count();
  }

  /**
   * Checks the sensor, paused at the end: its runs are {@code counter:1} to {@code
   * counter:<cursor>}, one per key; its recorded evaluations form a chain (each starts from the
   * cursor the one before stored), each successful one moved the cursor up by one and requested the
   * run of the new cursor, a failed one kept it; and the cursor sampled during the test never went
   * back.
   *
   * @param runs the runs whose workflow ID starts with {@code counter:}
   * @return how many recorded requests found their run already started
   */
  static long assertOneRunPerKey(
      List<WorkflowSummary> runs, SensorDescription description, List<Long> sampledCursors) {
    long cursor = Long.parseLong(description.cursor());
    List<String> ids = runs.stream().map(WorkflowSummary::workflowId).toList();
    assertThat(ids).as("runs of the sensor").doesNotHaveDuplicates();
    TreeSet<Long> keys =
        ids.stream()
            .map(id -> Long.parseLong(id.substring(ClusterTriggers.SENSOR.length() + 1)))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(keys)
        .as("dedupe keys of the sensor's runs: 1 to its cursor %d", cursor)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, cursor).boxed().toList());

    List<SensorEvaluation> evaluations = description.recentEvaluations();
    assertThat(evaluations).as("recorded evaluations").isNotEmpty();
    assertThat(evaluations.get(evaluations.size() - 1).cursorAfter())
        .as("cursor after the last recorded evaluation")
        .isEqualTo(description.cursor());
    long alreadyStarted = 0;
    for (int i = 0; i < evaluations.size(); i++) {
      SensorEvaluation e = evaluations.get(i);
      if (i > 0) {
        assertThat(e.cursorBefore())
            .as("cursor before evaluation %d at %s", i, e.time())
            .isEqualTo(evaluations.get(i - 1).cursorAfter());
      }
      long before = e.cursorBefore() == null ? 0 : Long.parseLong(e.cursorBefore());
      if (e.failed()) {
        assertThat(e.cursorAfter()).as("cursor after failed %s", e).isEqualTo(e.cursorBefore());
        continue;
      }
      assertThat(e.cursorAfter()).as("cursor after %s", e).isEqualTo(Long.toString(before + 1));
      assertThat(e.requests())
          .as("requests of %s", e)
          .extracting(SensorRequestOutcome::dedupeKey)
          .containsExactly(e.cursorAfter());
      alreadyStarted +=
          e.requests().stream().filter(r -> r.outcome() == TriggerOutcome.ALREADY_STARTED).count();
    }
    List<Long> sorted = new ArrayList<>(sampledCursors);
    sorted.sort(null);
    assertThat(sampledCursors).as("sensor cursor sampled during the test").isEqualTo(sorted);
    assertThat(sampledCursors).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(cursor));
    return alreadyStarted;
  }

  /**
   * Checks the journaled executions of the runs' steps: no attempt of a step ran twice, the result
   * each history recorded came from the step's last attempt (nothing ran after it), and every
   * execution that never ended ran on {@code killedNode} (cut off by the kill). A step may have run
   * more than once, each time as a new attempt after the previous one's lease ended: activities run
   * at least once, and a kill between an attempt's end and the commit of its result, or an attempt
   * slower than its start-to-close timeout on a busy machine, makes the engine run it again.
   *
   * @return how many steps ran more than once
   */
  static long assertOnlyRetriedExecutions(
      List<Execution> journal, HistoryAudit.Result audit, String killedNode) {
    Map<String, List<Integer>> attempts =
        journal.stream()
            .filter(e -> e.phase() == Execution.Phase.START)
            .collect(
                Collectors.groupingBy(
                    Execution::step, Collectors.mapping(Execution::attempt, Collectors.toList())));
    List<String> problems = new ArrayList<>();
    audit
        .recordedAttempts()
        .forEach(
            (step, recorded) -> {
              List<Integer> started = attempts.getOrDefault(step, List.of());
              if (started.size() != new TreeSet<>(started).size()
                  || started.stream().anyMatch(a -> a > recorded)) {
                problems.add(step + ": attempts " + started + ", recorded " + recorded);
              }
            });
    assertThat(problems)
        .as("steps with an attempt run twice or run after the recorded one")
        .isEmpty();
    assertThat(Execution.unfinished(journal))
        .as("executions that never ended")
        .allSatisfy(e -> assertThat(e.node()).isEqualTo(killedNode));
    return attempts.values().stream().filter(a -> a.size() > 1).count();
  }

  private static long seconds(Instant from, Instant to) {
    return Duration.between(from, to).dividedBy(ClusterTriggers.INTERVAL);
  }
}
