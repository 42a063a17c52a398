package dev.weft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many times the activities really ran, from the nodes' journals, next to what the histories
 * recorded. Running a step again after a crash or a pause is allowed (activities run at least once)
 * and is reported here, not asserted away; what is asserted is that every recorded result came from
 * an attempt that really ran.
 */
final class ExecutionReport {
  private static final int LISTED = 12;

  private final Map<String, List<Execution>> startsByStep;
  private final Map<String, Integer> recordedAttempts;
  private final List<Execution> all;

  private ExecutionReport(List<Execution> all, Map<String, Integer> recordedAttempts) {
    this.all = all;
    this.recordedAttempts = recordedAttempts;
    this.startsByStep =
        all.stream()
            .filter(e -> e.phase() == Execution.Phase.START)
            .collect(Collectors.groupingBy(Execution::step, TreeMap::new, Collectors.toList()));
  }

  /** Reads the journals and checks each recorded result against the executions. */
  static ExecutionReport of(List<Execution> journals, HistoryAudit.Result audit) {
    ExecutionReport report = new ExecutionReport(journals, audit.recordedAttempts());
    List<String> unexplained = new ArrayList<>();
    audit
        .recordedAttempts()
        .forEach(
            (step, attempt) -> {
              List<Execution> starts = report.startsByStep.getOrDefault(step, List.of());
              if (starts.stream().noneMatch(e -> e.attempt() == attempt)) {
                unexplained.add(step + " attempt " + attempt + " (journaled: " + starts + ")");
              }
            });
    assertThat(unexplained).as("recorded results no journaled execution produced").isEmpty();
    assertThat(report.startsByStep.keySet())
        .as("every journaled step belongs to a recorded workflow")
        .isSubsetOf(audit.recordedAttempts().keySet());
    return report;
  }

  /**
   * Asserts that no execution in {@code cut} (attempts that never returned, cut off by a kill or a
   * pause) is the one recorded: each of those steps has the result of a later attempt.
   */
  static void assertRunAgain(List<Execution> cut, HistoryAudit.Result audit) {
    for (Execution execution : cut) {
      assertThat(audit.recordedAttempts().get(execution.step()))
          .as("the attempt recorded for %s, cut off by the fault", execution)
          .isGreaterThan(execution.attempt());
    }
  }

  long executions() {
    return startsByStep.values().stream().mapToLong(List::size).sum();
  }

  /** Steps that ran more than once. */
  Map<String, List<Execution>> reExecuted() {
    Map<String, List<Execution>> again = new TreeMap<>();
    startsByStep.forEach(
        (step, starts) -> {
          if (starts.size() > 1) {
            again.put(step, starts);
          }
        });
    return again;
  }

  /**
   * Executions that ended (returned a result to their node) but whose result is not the recorded
   * one: fenced off as stale, or lost with a connection.
   */
  long discardedResults() {
    return all.stream()
        .filter(e -> e.phase() == Execution.Phase.END)
        .filter(e -> recordedAttempts.getOrDefault(e.step(), -1) != e.attempt())
        .count();
  }

  /** A printable summary: totals, executions per node, and the first re-executed steps. */
  String summary() {
    Map<String, List<Execution>> again = reExecuted();
    Map<String, Long> perNode =
        startsByStep.values().stream()
            .flatMap(List::stream)
            .collect(Collectors.groupingBy(Execution::node, TreeMap::new, Collectors.counting()));
    StringBuilder text = new StringBuilder();
    text.append(executions())
        .append(" executions for ")
        .append(recordedAttempts.size())
        .append(" activities; per node ")
        .append(perNode)
        .append("; ")
        .append(again.size())
        .append(" activities ran more than once (")
        .append(executions() - startsByStep.size())
        .append(" extra executions); ")
        .append(discardedResults())
        .append(" finished executions had their result discarded");
    again.entrySet().stream()
        .limit(LISTED)
        .forEach(
            entry ->
                text.append("\n  re-executed ")
                    .append(entry.getKey())
                    .append(": ")
                    .append(
                        entry.getValue().stream()
                            .sorted(Comparator.comparingInt(Execution::attempt))
                            .map(e -> "attempt " + e.attempt() + " on " + e.node())
                            .collect(Collectors.joining(", ")))
                    .append("; recorded attempt ")
                    .append(recordedAttempts.get(entry.getKey())));
    if (again.size() > LISTED) {
      text.append("\n  ... and ").append(again.size() - LISTED).append(" more");
    }
    return text.toString();
  }
}
