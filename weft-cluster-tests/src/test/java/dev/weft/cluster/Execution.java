package dev.weft.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of an {@link ExecutionJournal}: an activity attempt started or ended on a node.
 *
 * @param phase whether the attempt started or ended (returned its result to the engine)
 * @param runId the run that scheduled the activity
 * @param seq the activity's sequence number in the run
 * @param attempt the attempt number the engine gave this execution
 * @param node the node that ran it
 */
record Execution(Phase phase, String runId, long seq, int attempt, String node) {

  /** Start or end of an execution. */
  enum Phase {
    START,
    END
  }

  /** The step this execution belongs to: {@code runId#seq}. */
  String step() {
    return runId + "#" + seq;
  }

  /** The executions in {@code journal} that started and have not ended (yet, or ever). */
  static List<Execution> unfinished(List<Execution> journal) {
    Set<String> ended = new HashSet<>();
    for (Execution e : journal) {
      if (e.phase() == Phase.END) {
        ended.add(e.step() + "@" + e.attempt());
      }
    }
    List<Execution> open = new ArrayList<>();
    for (Execution e : journal) {
      if (e.phase() == Phase.START && !ended.contains(e.step() + "@" + e.attempt())) {
        open.add(e);
      }
    }
    return open;
  }

  @Override
  public String toString() {
    return step() + " attempt " + attempt + " on " + node;
  }

  String toLine() {
    return phase + " " + runId + " " + seq + " " + attempt + " " + node + "\n";
  }

  static Execution parse(String line) {
    String[] parts = line.split(" ");
    return new Execution(
        Phase.valueOf(parts[0]),
        parts[1],
        Long.parseLong(parts[2]),
        Integer.parseInt(parts[3]),
        parts[4]);
  }
}
