package dev.weft.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A subcommand that does one thing to a schedule ({@code pause}, {@code unpause}, {@code trigger},
 * {@code delete}) and prints what it did.
 */
abstract class ScheduleControlCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private AssetNamespace ns;

  @Parameters(index = "0", paramLabel = "ID", description = "the schedule ID")
  private String id;

  private final PrintStream out;
  private final PrintStream err;
  private final String done;

  ScheduleControlCommand(PrintStream out, PrintStream err, String done) {
    this.out = out;
    this.err = err;
    this.done = done;
  }

  /** Sends the request to the schedule at {@code path}. */
  abstract void send(ApiHttp http, String path) throws ApiHttp.Refused;

  @Override
  public final Integer call() {
    String path = ns.base() + "/schedules/" + AssetNamespace.encode(id);
    return api.run(
        err,
        http -> {
          send(http, path);
          if (api.output == OutputFormat.json) {
            out.println(JsonValues.write(Map.of("id", id, "done", done)));
          } else {
            out.println(done + " " + id);
          }
          return 0;
        });
  }

  private static Map<String, Object> noteBody(String note) {
    Map<String, Object> body = new HashMap<>();
    if (note != null) {
      body.put("note", note);
    }
    return body;
  }

  /** {@code weft schedule pause ID --note N}. */
  @Command(
      name = "pause",
      description = "Pauses a schedule: its fire times are recorded as skipped, with the note.")
  static final class Pause extends ScheduleControlCommand {
    @Option(names = "--note", paramLabel = "TEXT", description = "why it is paused")
    private String note;

    Pause(PrintStream out, PrintStream err) {
      super(out, err, "paused");
    }

    @Override
    void send(ApiHttp http, String path) throws ApiHttp.Refused {
      http.post(path + "/pause", noteBody(note));
    }
  }

  /** {@code weft schedule unpause ID --note N}. */
  @Command(name = "unpause", description = "Unpauses a schedule: its next fire times run again.")
  static final class Unpause extends ScheduleControlCommand {
    @Option(names = "--note", paramLabel = "TEXT", description = "a note")
    private String note;

    Unpause(PrintStream out, PrintStream err) {
      super(out, err, "unpaused");
    }

    @Override
    void send(ApiHttp http, String path) throws ApiHttp.Refused {
      http.post(path + "/unpause", noteBody(note));
    }
  }

  /** {@code weft schedule trigger ID}. */
  @Command(
      name = "trigger",
      description = "Fires a schedule now, paused or not; describe shows the run it started.")
  static final class Trigger extends ScheduleControlCommand {
    Trigger(PrintStream out, PrintStream err) {
      super(out, err, "triggered");
    }

    @Override
    void send(ApiHttp http, String path) throws ApiHttp.Refused {
      http.post(path + "/trigger", null);
    }
  }

  /** {@code weft schedule delete ID}. */
  @Command(
      name = "delete",
      description = "Deletes a schedule: it fires no more; the runs it started go on.")
  static final class Delete extends ScheduleControlCommand {
    Delete(PrintStream out, PrintStream err) {
      super(out, err, "deleted");
    }

    @Override
    void send(ApiHttp http, String path) throws ApiHttp.Refused {
      http.delete(path);
    }
  }
}
