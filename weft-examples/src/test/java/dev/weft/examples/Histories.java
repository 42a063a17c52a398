package dev.weft.examples;

import dev.weft.client.WorkflowHandle;
import dev.weft.history.WorkflowHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checked-in histories behind the examples' replay twins. A live test calls {@link #record}
 * with its run; with {@code -Dweft.recordHistories=true} the history is written to {@code
 * src/test/resources/histories/<name>.json} (then reviewed and committed); otherwise nothing
 * happens. The {@code *ReplayTest} classes replay them against the current code.
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
      throw new UncheckedIOException("cannot write history " + name, e);
    }
  }

  /** Loads a checked-in history from the test classpath. */
  public static WorkflowHistory load(String name) {
    String resource = "/histories/" + name + ".json";
    try (InputStream in = Histories.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no checked-in history '" + name + "'; record it with -Dweft.recordHistories=true");
      }
      return WorkflowHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
