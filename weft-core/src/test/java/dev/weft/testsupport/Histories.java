package dev.weft.testsupport;

import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checked-in histories behind the replay twins of the engine tests (weft-core cannot use the
 * testing kit's {@code RecordedHistories}, which depends on it). A live test calls {@link #record}
 * with its run; with {@code -Dweft.recordHistories=true} the history is written to {@code
 * src/test/resources/histories/<name>.json} (then reviewed and committed); otherwise nothing
 * happens. {@code ReplayTwinsTest} replays every checked-in history against the current code.
 */
public final class Histories {
  private static final boolean RECORD = Boolean.getBoolean("weft.recordHistories");

  private Histories() {}

  /** Writes the run's history under {@code name} when recording is on. */
  public static void record(String name, WorkflowHandle<?> handle) {
    if (!RECORD) {
      return;
    }
    try {
      Path dir = Path.of("src", "test", "resources", "histories");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".json"), handle.fetchHistory().toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a checked-in history. */
  public static WorkflowHistory load(String name) {
    try (InputStream in = Histories.class.getResourceAsStream("/histories/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no checked-in history '" + name + "'; record it with -Dweft.recordHistories=true");
      }
      return WorkflowHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
