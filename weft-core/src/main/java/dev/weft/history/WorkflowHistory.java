package dev.weft.history;

import dev.weft.internal.codec.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The complete history of one run, as exported to JSON (by the client or the CLI) and read back by
 * the replay tester.
 *
 * <pre>{@code
 * WorkflowHistory history = client.fetchHistory("order-42");
 * Files.writeString(Path.of("order-42.json"), history.toJson());
 * }</pre>
 *
 * @param workflowId the workflow ID
 * @param runId the run ID
 * @param events the events in order
 */
public record WorkflowHistory(String workflowId, String runId, List<HistoryEvent> events) {

  /** Validates and copies. */
  public WorkflowHistory {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(runId, "runId");
    events = List.copyOf(events);
  }

  /** Returns the history as pretty-printed JSON. */
  public String toJson() {
    return EventCodec.shared().historyToJson(this);
  }

  /**
   * Parses a history exported with {@link #toJson()}.
   *
   * @throws IllegalArgumentException if the text is not such a history; the message says where
   */
  public static WorkflowHistory fromJson(String json) {
    return EventCodec.shared().historyFromJson(json);
  }

  /** Reads a history file exported with {@link #toJson()}. */
  public static WorkflowHistory read(Path file) throws IOException {
    return fromJson(Files.readString(file));
  }
}
