package dev.weft.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code weft sensor pause NAME [--note TEXT]}: the sensor stops evaluating (one under way
 * completes) until unpaused; the note is shown meanwhile.
 */
@Command(
    name = "pause",
    description = "Pauses a sensor: it does not evaluate until unpaused (the note says why).")
final class SensorPauseCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private SensorTarget sensor;

  @Option(names = "--note", paramLabel = "TEXT", description = "why, shown while it is paused")
  private String note;

  private final PrintStream out;
  private final PrintStream err;

  SensorPauseCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http -> {
          Map<String, Object> body = new HashMap<>();
          if (note != null) {
            body.put("note", note);
          }
          return SensorChange.print(
              http.post(sensor.path() + "/pause", body), "pause", api.output, out);
        });
  }
}
