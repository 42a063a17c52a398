package dev.weft.internal.runtime;

import dev.weft.history.EventAttributes;
import dev.weft.history.EventAttributes.WorkflowTaskCompleted;
import dev.weft.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a run's state by replaying its history: each recorded workflow task (its inbound events,
 * its boundary, its command events) is run again against the code, which must ask for the same
 * commands.
 */
public final class HistoryReplayer {
  private HistoryReplayer() {}

  /**
   * Replays every complete workflow task of {@code history}.
   *
   * @return the inbound events after the last recorded task (such as the start of a run whose first
   *     task has not completed), which the next live task applies
   * @throws WorkflowTaskFailedException if the code does not match the history
   */
  public static List<EventAttributes> replay(WorkflowRunner runner, List<HistoryEvent> history) {
    List<EventAttributes> inbound = new ArrayList<>();
    int i = 0;
    while (i < history.size()) {
      HistoryEvent event = history.get(i);
      if (event.attributes() instanceof WorkflowTaskCompleted) {
        List<HistoryEvent> commands = new ArrayList<>();
        int j = i + 1;
        while (j < history.size() && history.get(j).attributes().isCommand()) {
          commands.add(history.get(j++));
        }
        runner.runTask(
            inbound, event.time(), new WorkflowRunner.ReplayedTask(event.eventId(), commands));
        inbound = new ArrayList<>();
        i = j;
      } else if (event.attributes().isCommand()) {
        throw new IllegalStateException(
            "history of run "
                + runner.info().runId()
                + " is malformed: command event "
                + event
                + " does not follow a WorkflowTaskCompleted");
      } else {
        inbound.add(event.attributes());
        i++;
      }
    }
    if (!history.isEmpty()) {
      runner.setNextEventId(history.get(history.size() - 1).eventId() + 1);
    }
    return inbound;
  }
}
