package dev.weft.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code weft sensor unpause NAME}: the sensor evaluates again, one interval later. */
@Command(name = "unpause", description = "Unpauses a sensor: it evaluates one interval later.")
final class SensorUnpauseCommand implements Callable<Integer> {
  @Mixin private ApiOptions api;
  @Mixin private SensorTarget sensor;

  private final PrintStream out;
  private final PrintStream err;

  SensorUnpauseCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return api.run(
        err,
        http ->
            SensorChange.print(
                http.post(sensor.path() + "/unpause", null), "unpause", api.output, out));
  }
}
