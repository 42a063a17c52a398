package dev.weft.testing;

import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checked-in histories for replay tests ("replay twins"). A live test calls {@link #record} with
 * its run; when the build runs with {@code -Dweft.recordHistories=true} the history is written to
 * {@code src/test/resources/histories/<name>.json} (review and commit it), otherwise nothing
 * happens. A replay test loads it with {@link #load} and replays it with {@link WorkflowReplayer}.
 *
 * <pre>{@code
 * // in the live test
 * RecordedHistories.record("order-shipped", handle);
 * // in the replay test
 * WorkflowReplayer.replayWorkflowExecution(
 *     RecordedHistories.load("order-shipped"), OrderWorkflow.class, OrderSaga::new);
 * }</pre>
 */
public final class RecordedHistories {
  private static final String PROPERTY = "weft.recordHistories";

  private RecordedHistories() {}

  /** Writes the run's history under {@code name} when recording is on. */
  public static void record(String name, WorkflowHandle<?> handle) {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    try {
      Path dir = Path.of("src", "test", "resources", "histories");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".json"), handle.fetchHistory().toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write history " + name, e);
    }
  }

  /**
   * Loads a checked-in history from the classpath ({@code /histories/<name>.json}).
   *
   * @throws IllegalArgumentException if there is none, saying how to record it
   */
  public static WorkflowHistory load(String name) {
    String resource = "/histories/" + name + ".json";
    try (InputStream in = RecordedHistories.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no checked-in history '" + name + "'; record it with -D" + PROPERTY + "=true");
      }
      return WorkflowHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
